"""Forms of the authoring pages (issue 10): they only parse text into typed inputs; the services decide."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from renja.nomenklatur.models import NomenklaturVersi
from renja.perencanaan.forms import parse_rupiah_field
from renja.perencanaan.models import JenisTahap, Polaritas
from renja.perencanaan.services import IndikatorInput, RenstraIndikatorInput, RenstraProgramInput, RowInput
from renja.perencanaan.targets import agregasi_bawaan, format_nilai, parse_target, target_of
from renja.rumus import angka

CARA_MULAI = [
    ("kosong", "Kosong"),
    ("renstra", "Dari program dan kegiatan Renstra tahun itu"),
    ("salin", "Salin Renja tahun sebelumnya"),
]
JENIS_AWAL = [(j.value, j.label) for j in JenisTahap if j != JenisTahap.PERUBAHAN]


class RenjaStartForm(forms.Form):
    opd = forms.ModelChoiceField(label="Perangkat daerah", queryset=None, empty_label=None)
    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)
    cara = forms.ChoiceField(label="Mulai dari", choices=CARA_MULAI, widget=forms.RadioSelect, initial="kosong")
    renstra = forms.ModelChoiceField(
        label="Renstra", queryset=None, required=False, empty_label="—", help_text="untuk 'Dari Renstra'"
    )
    nomenklatur_versi = forms.ModelChoiceField(
        label="Versi nomenklatur",
        queryset=NomenklaturVersi.objects.order_by("-tahun_berlaku"),
        required=False,
        empty_label="otomatis: versi terbaru yang berlaku tahun itu",
    )
    jenis = forms.ChoiceField(label="Tahap pertama", choices=JENIS_AWAL, initial=JenisTahap.RANCANGAN_AWAL)

    def __init__(self, *args, opds=(), renstras=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opds
        self.fields["renstra"].queryset = renstras

    def clean(self):
        data = super().clean()
        if data.get("cara") == "renstra" and not data.get("renstra"):
            self.add_error("renstra", "Pilih Renstra yang menjadi sumber program dan kegiatan.")
        if data.get("renstra") and data.get("opd") and data["renstra"].opd_id != data["opd"].pk:
            self.add_error("renstra", "Renstra itu milik perangkat daerah lain.")
        return data


class RowStrukturForm(forms.Form):
    """A program or kegiatan: code, name, prioritas, kelompok sasaran, prakiraan maju target, unit, ceiling."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kode = forms.CharField(label="Kode", max_length=24, help_text="ketik kode atau kata dari nama; pilih dari daftar")
    nama = forms.CharField(
        label="Nama",
        required=False,
        help_text="kosongkan untuk memakai nama resmi dari nomenklatur",
        widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
    )
    unit = forms.ModelChoiceField(label="Unit penanggung jawab", queryset=None, required=False, empty_label="—")
    prioritas_nasional = forms.CharField(
        label="Prioritas nasional", required=False, widget=forms.Textarea(attrs={"rows": 2, "cols": 80})
    )
    prioritas_daerah = forms.CharField(label="Prioritas daerah", required=False, max_length=2000)
    kelompok_sasaran = forms.CharField(label="Kelompok sasaran", required=False, max_length=300)
    prakiraan_target = forms.CharField(label="Target prakiraan maju (n+1)", required=False)
    prakiraan_satuan = forms.CharField(label="Satuan prakiraan maju", required=False, max_length=60)
    pagu_indikatif = forms.CharField(
        label="Pagu indikatif (Rp)", required=False, help_text="plafon kegiatan, mis. dari Renstra; pagu tetap jumlah"
    )

    def __init__(self, *args, units=None, level="program", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        if level != "kegiatan":
            del self.fields["pagu_indikatif"]

    def clean_prakiraan_target(self):
        return parse_target(self.cleaned_data.get("prakiraan_target"), wajib=False, label="Target prakiraan maju")

    def clean_pagu_indikatif(self):
        return parse_rupiah_field(self.cleaned_data.get("pagu_indikatif"), "Pagu indikatif")

    @staticmethod
    def initial_for(row) -> dict:
        pt = target_of(row, "prakiraan_target")
        return {
            "version": row.version,
            "kode": row.kode,
            "nama": row.nama,
            "unit": row.unit_id,
            "prioritas_nasional": row.prioritas_nasional,
            "prioritas_daerah": row.prioritas_daerah,
            "kelompok_sasaran": row.kelompok_sasaran,
            "prakiraan_target": "" if pt.kosong else pt.tampil(),
            "prakiraan_satuan": row.prakiraan_satuan,
            "pagu_indikatif": "" if row.pagu_indikatif is None else angka.format_angka(row.pagu_indikatif),
        }


def row_struktur_input(form: RowStrukturForm, ind_fs, *, existing_row=None) -> RowInput:
    cd = form.cleaned_data
    old = {i.urutan: i for i in existing_row.indikator.all()} if existing_row else {}
    indikator = []
    for n, f in enumerate(ind_fs.forms):
        d = f.cleaned_data
        if not d or d.get("DELETE") or d.get("kosong"):
            continue
        prev = old.get(n)
        indikator.append(
            IndikatorInput(
                uraian=d["uraian"],
                target=d["target_parsed"],
                satuan=d["satuan"],
                polaritas=prev.polaritas if prev else "naik",
                agregasi=prev.agregasi if prev else agregasi_bawaan(d["satuan"]),
            )
        )
    return RowInput(
        kode=cd["kode"],
        nama=cd.get("nama", ""),
        unit=cd.get("unit"),
        indikator=indikator,
        lokasi=list(existing_row.lokasi or []) if existing_row else [],
        prioritas_nasional=cd.get("prioritas_nasional", ""),
        prioritas_daerah=cd.get("prioritas_daerah", ""),
        kelompok_sasaran=cd.get("kelompok_sasaran", ""),
        prakiraan_target=cd["prakiraan_target"],
        prakiraan_satuan=cd.get("prakiraan_satuan", ""),
        sumber=existing_row.sumber if existing_row else "",
        catatan=existing_row.catatan if existing_row else "",
    )


class PptkForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    pptk = forms.ModelChoiceField(label="PPTK", queryset=None, required=False, empty_label="— belum ditunjuk —")

    def __init__(self, *args, users=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pptk"].queryset = users
        self.fields["pptk"].label_from_instance = lambda u: u.get_full_name() or u.username


class TertundaForm(forms.Form):
    kode_baru = forms.CharField(label="Kode baru", required=False, max_length=24)
    catatan = forms.CharField(label="Catatan / alasan", required=False, max_length=2000)


# --- Renstra ---------------------------------------------------------------------------------------------


class RenstraCreateForm(forms.Form):
    opd = forms.ModelChoiceField(label="Perangkat daerah", queryset=None, empty_label=None)
    tahun_awal = forms.IntegerField(label="Tahun awal", min_value=2000, max_value=2100)
    tahun_akhir = forms.IntegerField(label="Tahun akhir", min_value=2000, max_value=2100)

    def __init__(self, *args, opds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opds


class KodeUraianForm(forms.Form):
    """Tujuan or sasaran."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kode = forms.CharField(label="Kode", max_length=20, help_text="mis. T1, S1.1")
    uraian = forms.CharField(label="Uraian", max_length=2000, widget=forms.Textarea(attrs={"rows": 3, "cols": 80}))


class RenstraIndikatorForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    uraian = forms.CharField(label="Indikator", max_length=2000, widget=forms.Textarea(attrs={"rows": 2, "cols": 80}))
    satuan = forms.CharField(label="Satuan", max_length=60, required=False, help_text="mis. %, Orang, Dokumen")
    polaritas = forms.ChoiceField(label="Polaritas", choices=Polaritas.choices, initial=Polaritas.NAIK)
    kondisi_awal = forms.CharField(label="Kondisi awal (baseline)", max_length=60, required=False)

    def __init__(self, *args, tahun_list=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.tahun_list = list(tahun_list)
        for t in self.tahun_list:
            self.fields[f"target_{t}"] = forms.CharField(label=f"Target {t}", required=False)

    def target_fields(self):
        return [self[f"target_{t}"] for t in self.tahun_list]

    def clean(self):
        data = super().clean()
        for t in self.tahun_list:
            try:
                data[f"target_{t}"] = parse_target(data.get(f"target_{t}"), wajib=False, label=f"Target {t}")
            except ValidationError as exc:
                self.add_error(f"target_{t}", exc)
        return data

    def to_input(self) -> RenstraIndikatorInput:
        cd = self.cleaned_data
        return RenstraIndikatorInput(
            uraian=cd["uraian"],
            satuan=cd.get("satuan", ""),
            polaritas=cd["polaritas"],
            kondisi_awal=cd.get("kondisi_awal", ""),
            target={t: cd[f"target_{t}"] for t in self.tahun_list if not cd[f"target_{t}"].kosong},
        )

    @staticmethod
    def initial_for(ind) -> dict:
        initial = {
            "version": ind.version,
            "uraian": ind.uraian,
            "satuan": ind.satuan,
            "polaritas": ind.polaritas,
            "kondisi_awal": ind.kondisi_awal,
        }
        for t in ind.target.all():
            initial[f"target_{t.tahun}"] = t.grade or ("" if t.nilai is None else format_nilai(t.nilai))
        return initial


class RenstraProgramForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kode = forms.CharField(label="Kode", max_length=24, help_text="ketik kode atau kata dari nama; pilih dari daftar")
    nama = forms.CharField(
        label="Nama",
        required=False,
        help_text="kosongkan untuk memakai nama resmi dari nomenklatur",
        widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
    )
    sasaran = forms.ModelChoiceField(label="Sasaran yang didukung", queryset=None, required=False, empty_label="—")
    unit = forms.ModelChoiceField(label="Unit penanggung jawab", queryset=None, required=False, empty_label="—")

    def __init__(self, *args, tahun_list=(), units=None, sasaran=None, kegiatan=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["sasaran"].queryset = sasaran
        self.tahun_list = list(tahun_list) if kegiatan else []
        for t in self.tahun_list:
            self.fields[f"pagu_{t}"] = forms.CharField(label=f"Pagu indikatif {t} (Rp)", required=False)

    def pagu_fields(self):
        return [self[f"pagu_{t}"] for t in self.tahun_list]

    def clean(self):
        data = super().clean()
        for t in self.tahun_list:
            try:
                data[f"pagu_{t}"] = parse_rupiah_field(data.get(f"pagu_{t}"), f"Pagu indikatif {t}")
            except ValidationError as exc:
                self.add_error(f"pagu_{t}", exc)
        return data

    def to_input(self) -> RenstraProgramInput:
        cd = self.cleaned_data
        return RenstraProgramInput(
            kode=cd["kode"],
            nama=cd.get("nama", ""),
            unit=cd.get("unit"),
            sasaran=cd.get("sasaran"),
            pagu={t: cd[f"pagu_{t}"] for t in self.tahun_list if cd.get(f"pagu_{t}") is not None},
        )

    @staticmethod
    def initial_for(p) -> dict:
        initial = {"version": p.version, "kode": p.kode, "nama": p.nama, "unit": p.unit_id, "sasaran": p.sasaran_id}
        for x in p.pagu.all():
            initial[f"pagu_{x.tahun}"] = angka.format_angka(x.jumlah)
        return initial
