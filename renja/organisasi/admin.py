from django.contrib import admin

from renja.organisasi.models import Pemda, PenugasanPeran, PerangkatDaerah, UnitKerja


@admin.register(Pemda)
class PemdaAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "jenis"]


class UnitInline(admin.TabularInline):
    model = UnitKerja
    extra = 0


@admin.register(PerangkatDaerah)
class PerangkatDaerahAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "pemda"]
    inlines = [UnitInline]


@admin.register(PenugasanPeran)
class PenugasanPeranAdmin(admin.ModelAdmin):
    list_display = ["user", "peran", "opd", "unit"]
    list_filter = ["peran"]
