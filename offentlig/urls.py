app_name = "offentlig"

urlpatterns: list = []
