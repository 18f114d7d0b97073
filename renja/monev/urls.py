app_name = "monev"
urlpatterns: list = []
