from django.urls import path

from renja.perencanaan import views
from renja.perencanaan import views_penyusunan as penyusunan
from renja.perencanaan import views_usulan as usulan
from renja.perencanaan.narasi import katalog_perencanaan

app_name = "perencanaan"
_dasar = [
    path("", views.renja_list, name="list"),
    path("<int:renja_id>/", views.renja_detail, name="detail"),
    path("<int:renja_id>/selisih/", views.renja_diff, name="diff"),
    path("<int:renja_id>/tahap/baru/", views.tahap_create, name="tahap_create"),
    path("tahap/<int:tahap_id>/ajukan/", views.tahap_submit, name="tahap_submit"),
    path("tahap/<int:tahap_id>/tetapkan/", views.tahap_tetapkan, name="tahap_tetapkan"),
    path("tahap/<int:tahap_id>/kembalikan/", views.tahap_return, name="tahap_return"),
    path("tahap/<int:tahap_id>/riwayat/", views.tahap_history, name="tahap_history"),
    path("renstra/<int:renstra_id>/", views.renstra_detail, name="renstra"),
    path("baris/<int:row_id>/ubah/", views.subkegiatan_edit, name="subkegiatan_edit"),
    path("baris/<int:parent_id>/tambah/", views.subkegiatan_create, name="subkegiatan_create"),
    path("baris/<int:row_id>/hapus/", views.row_delete, name="row_delete"),
    path("baris/<int:row_id>/riwayat/", views.row_history, name="row_history"),
    # authoring (issue 10): starting a Renja, programs and kegiatan, PPTK, rows a copy left, the Renstra
    path("baru/", penyusunan.renja_start, name="renja_start"),
    path("tahap/<int:tahap_id>/program/baru/", penyusunan.program_create, name="program_create"),
    path("tahap/<int:tahap_id>/kode/", penyusunan.kode_pilihan, name="kode_pilihan"),
    path("tahap/<int:tahap_id>/tertunda/", penyusunan.tertunda_list, name="tertunda_list"),
    path("tertunda/<int:tertunda_id>/putuskan/", penyusunan.tertunda_decide, name="tertunda_decide"),
    path("baris/<int:parent_id>/kegiatan/baru/", penyusunan.kegiatan_create, name="kegiatan_create"),
    path("baris/<int:row_id>/struktur/", penyusunan.struktur_edit, name="struktur_edit"),
    path("baris/<int:row_id>/pindah/", penyusunan.row_move, name="row_move"),
    path("baris/<int:row_id>/pptk/", penyusunan.row_pptk, name="row_pptk"),
    path("renstra/", penyusunan.renstra_list, name="renstra_list"),
    path("renstra/baru/", penyusunan.renstra_create, name="renstra_create"),
    path("renstra/<int:renstra_id>/tetapkan/", penyusunan.renstra_tetapkan, name="renstra_tetapkan"),
    path("renstra/<int:renstra_id>/kode/", penyusunan.renstra_kode, name="renstra_kode"),
    path("renstra/<int:renstra_id>/tujuan/baru/", penyusunan.renstra_tujuan_form, name="renstra_tujuan_create"),
    path("renstra/tujuan/<int:tujuan_id>/ubah/", penyusunan.renstra_tujuan_form, name="renstra_tujuan_edit"),
    path(
        "renstra/tujuan/<int:tujuan_id>/sasaran/baru/", penyusunan.renstra_sasaran_form, name="renstra_sasaran_create"
    ),
    path("renstra/sasaran/<int:sasaran_id>/ubah/", penyusunan.renstra_sasaran_form, name="renstra_sasaran_edit"),
    path(
        "renstra/<int:renstra_id>/indikator/baru/", penyusunan.renstra_indikator_form, name="renstra_indikator_create"
    ),
    path(
        "renstra/indikator/<int:indikator_id>/ubah/", penyusunan.renstra_indikator_form, name="renstra_indikator_edit"
    ),
    path("renstra/<int:renstra_id>/program/baru/", penyusunan.renstra_program_form, name="renstra_program_create"),
    path("renstra/program/<int:program_id>/ubah/", penyusunan.renstra_program_form, name="renstra_program_edit"),
    *[
        path(
            f"renstra/{jenis}/<int:item_id>/hapus/",
            penyusunan.renstra_item_delete,
            {"jenis": jenis},
            name=f"renstra_{jenis}_delete",
        )
        for jenis in penyusunan.RENSTRA_BAGIAN
    ],
]


def urlpatterns_dengan(katalog) -> list:
    """This app's URLs with `katalog` (a callable returning the full narrative catalog) for the narrative editor:
    renja/urls.py passes perencanaan's and monev's placeholders together, this app alone knows only its own."""
    return [
        *_dasar,
        # proposals (T-C.32) and the narrative of a stage (issue 7)
        path("<int:renja_id>/usulan/", usulan.usulan_list, name="usulan_list"),
        path("<int:renja_id>/usulan/baru/", usulan.usulan_create, name="usulan_create"),
        path("usulan/<int:usulan_id>/ubah/", usulan.usulan_edit, name="usulan_edit"),
        path("usulan/<int:usulan_id>/putuskan/", usulan.usulan_decide, name="usulan_decide"),
        path("tahap/<int:tahap_id>/narasi/", usulan.narasi_list, {"katalog": katalog}, name="narasi_list"),
        path("narasi/<int:bagian_id>/", usulan.narasi_edit, {"katalog": katalog}, name="narasi_edit"),
    ]


urlpatterns = urlpatterns_dengan(katalog_perencanaan)
