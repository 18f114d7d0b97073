from django import forms

from renja.dokumen.models import Format
from renja.dokumen.services import BATAS


class DokumenForm(forms.Form):
    format = forms.ChoiceField(label="Format", choices=Format.choices, initial=Format.DOCX)
    sebutan = forms.ChoiceField(
        label="Penanda tangan",
        choices=[("", "Kepala (definitif)"), ("Plt.", "Pelaksana Tugas (Plt.)"), ("Plh.", "Pelaksana Harian (Plh.)")],
        required=False,
    )
    nama = forms.CharField(
        label="Nama", max_length=BATAS["nama"], error_messages={"required": "Nama penanda tangan wajib diisi."}
    )
    pangkat = forms.CharField(label="Pangkat/golongan", max_length=BATAS["pangkat"], required=False)
    nip = forms.CharField(label="NIP", max_length=30, required=False, help_text="18 digit, boleh dengan spasi")
    jabatan = forms.CharField(
        label="Jabatan",
        max_length=BATAS["jabatan"],
        error_messages={"required": "Jabatan penanda tangan wajib diisi (mis. Kepala Dinas Sosial Kota Bekasi)."},
    )
    tempat = forms.CharField(label="Tempat", max_length=BATAS["tempat"], required=False)
    tanggal = forms.DateField(label="Tanggal", required=False, widget=forms.DateInput(attrs={"type": "date"}))
