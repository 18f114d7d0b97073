"""Forms of the proposal register and the narrative editor: they only parse text into typed inputs; the rules
(required reason, sub kegiatan of the stage in force, known placeholders) are the services'."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from renja.perencanaan.forms import parse_rupiah_field
from renja.perencanaan.models import StatusUsulan, SumberUsulan
from renja.perencanaan.services import BATAS_USULAN, UsulanInput
from renja.rumus import angka


def parse_volume(teks: str) -> Decimal | None:
    teks = (teks or "").strip()
    if not teks:
        return None
    try:
        return angka.parse_angka(teks)
    except ValueError as exc:
        raise ValidationError(f"Volume: '{teks}' bukan angka yang sah ({exc}).") from exc


class UsulanForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    sumber = forms.ChoiceField(label="Sumber", choices=SumberUsulan.choices)
    pengusul = forms.CharField(
        label="Pengusul", widget=forms.TextInput(attrs={"maxlength": BATAS_USULAN["pengusul"], "size": 60})
    )
    uraian = forms.CharField(
        label="Uraian usulan", widget=forms.Textarea(attrs={"rows": 3, "maxlength": BATAS_USULAN["uraian"]})
    )
    lokasi = forms.CharField(
        label="Lokasi", required=False, widget=forms.TextInput(attrs={"maxlength": BATAS_USULAN["lokasi"], "size": 40})
    )
    volume = forms.CharField(label="Volume", required=False, help_text="angka, mis. 1.500 atau 12,5")
    satuan = forms.CharField(
        label="Satuan", required=False, widget=forms.TextInput(attrs={"maxlength": BATAS_USULAN["satuan"]})
    )
    perkiraan_biaya = forms.CharField(label="Perkiraan biaya (Rp)", required=False, help_text="Rupiah bulat")

    def clean_volume(self):
        return parse_volume(self.cleaned_data.get("volume"))

    def clean_perkiraan_biaya(self):
        return parse_rupiah_field(self.cleaned_data.get("perkiraan_biaya"), "Perkiraan biaya")

    def usulan_input(self) -> UsulanInput:
        cd = self.cleaned_data
        return UsulanInput(
            sumber=cd["sumber"],
            pengusul=cd["pengusul"],
            uraian=cd["uraian"],
            lokasi=cd.get("lokasi", ""),
            volume=cd.get("volume"),
            satuan=cd.get("satuan", ""),
            perkiraan_biaya=cd.get("perkiraan_biaya"),
        )


def usulan_initial(u) -> dict:
    return {
        "version": u.version,
        "sumber": u.sumber,
        "pengusul": u.pengusul,
        "uraian": u.uraian,
        "lokasi": u.lokasi,
        "volume": "" if u.volume is None else angka.format_angka(u.volume, _desimal(u.volume)),
        "satuan": u.satuan,
        "perkiraan_biaya": "" if u.perkiraan_biaya is None else angka.format_angka(u.perkiraan_biaya),
    }


def _desimal(nilai: Decimal) -> int:
    exp = nilai.normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


class KeputusanForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    status = forms.ChoiceField(label="Keputusan", choices=StatusUsulan.choices)
    alasan = forms.CharField(
        label="Alasan",
        required=False,
        help_text="wajib untuk usulan yang ditolak atau ditunda",
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": BATAS_USULAN["alasan"]}),
    )
    kode_sub_kegiatan = forms.CharField(
        label="Kode sub kegiatan penampung",
        required=False,
        help_text="untuk usulan yang diterima: sub kegiatan tahap yang berlaku",
        widget=forms.TextInput(attrs={"maxlength": 24, "size": 28, "list": "sub-kegiatan-pilihan"}),
    )


class NarasiForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    teks = forms.CharField(
        label="Teks (Markdown)",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 24, "cols": 100, "id": "narasi-teks", "class": "narasi-teks"}),
    )
