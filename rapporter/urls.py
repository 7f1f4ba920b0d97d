app_name = "rapporter"

urlpatterns: list = []
