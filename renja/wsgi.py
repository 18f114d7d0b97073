import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.settings")
application = get_wsgi_application()

from renja.inti.static import static_check_collected  # noqa: E402  (needs the settings loaded above)

static_check_collected()
