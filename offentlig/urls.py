"""/resultater/: the public results, without login."""

from django.urls import path

from offentlig.views import feed, sider

app_name = "offentlig"

urlpatterns = [
    path("", sider.prosjekter_view, name="prosjekter"),
    path("beslutninger/", sider.beslutninger_view, name="beslutninger"),
    path("prosjekter/<int:pk>/", sider.prosjekt_view, name="prosjekt"),
    path("beslutninger/<int:pk>/", sider.beslutning_view, name="beslutning"),
    path("feed/", feed.feed_view, name="feed"),
]
