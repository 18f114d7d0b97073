from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "renja.demo"
    label = "demo"
