"""Forms of the survey setup pages: they parse input; renja.ikm.services validates and writes."""

from django import forms

from renja.ikm.models import PertanyaanTambahan
from renja.ikm.services import POPULASI_MAKS


class _Tanggal(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class LayananForm(forms.Form):
    kode = forms.CharField(max_length=20, help_text="mis. REHSOS; huruf, angka, titik, tanda hubung")
    nama = forms.CharField(max_length=200, label="Nama layanan")
    populasi = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=POPULASI_MAKS,
        help_text="jumlah pengguna layanan dalam satu periode; menentukan jumlah sampel (Krejcie-Morgan)",
    )
    aktif = forms.BooleanField(required=False, initial=True, help_text="layanan yang tidak aktif tidak disurvei")
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class PeriodeForm(forms.Form):
    kode = forms.CharField(max_length=20, help_text='mis. "2025" atau "2025-S1"; tidak dapat diubah kemudian')
    nama = forms.CharField(max_length=200, help_text="mis. Semester I 2025")
    mulai = forms.DateField(widget=_Tanggal(), label="Tanggal mulai")
    selesai = forms.DateField(widget=_Tanggal(), label="Tanggal selesai")
    terbuka = forms.BooleanField(required=False, initial=True, help_text="menerima jawaban dalam rentang tanggal")
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, ubah: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if ubah:
            del self.fields["kode"]


class UnsurForm(forms.Form):
    nama = forms.CharField(max_length=120, label="Nama unsur")
    pertanyaan = forms.CharField(max_length=300, widget=forms.Textarea(attrs={"rows": 2, "cols": 70}))
    pilihan_1 = forms.CharField(max_length=80, label="Pilihan 1 (terburuk)")
    pilihan_2 = forms.CharField(max_length=80, label="Pilihan 2")
    pilihan_3 = forms.CharField(max_length=80, label="Pilihan 3")
    pilihan_4 = forms.CharField(max_length=80, label="Pilihan 4 (terbaik)")


class TambahanForm(forms.Form):
    teks = forms.CharField(max_length=300, label="Pertanyaan tambahan")
    jenis = forms.ChoiceField(choices=PertanyaanTambahan.Jenis.choices, label="Jenis jawaban")
