"""Forms only parse text into typed inputs; domain rules are checked in services (same messages everywhere)."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from renja.perencanaan.batas import BATAS_TEKS
from renja.perencanaan.models import SumberDana
from renja.perencanaan.services import PAGU_MAKS, IndikatorInput, RowInput
from renja.perencanaan.targets import agregasi_bawaan, parse_target, target_of
from renja.rumus import angka


def parse_rupiah_field(teks: str, label: str) -> Decimal | None:
    teks = (teks or "").strip()
    if not teks:
        return None
    try:
        nilai = angka.parse_rupiah(teks)
    except ValueError as exc:
        raise ValidationError(f"{label}: '{teks}' bukan jumlah Rupiah yang sah ({exc}).") from exc
    if nilai < 0:
        raise ValidationError(f"{label} tidak boleh negatif.")
    if nilai != nilai.to_integral_value():
        raise ValidationError(f"{label} harus Rupiah bulat tanpa sen.")
    if nilai > PAGU_MAKS:
        raise ValidationError(f"{label} melebihi batas {angka.format_rupiah(PAGU_MAKS)}.")
    return nilai


def _batas(key: str, attrs: dict | None = None) -> dict:
    """The browser's maxlength from the service's limit; the service checks it again with a message naming the
    field, so the forms set no max_length of their own (one message everywhere)."""
    return {**(attrs or {}), "maxlength": BATAS_TEKS[key]}


class SubKegiatanForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kode = forms.CharField(label="Kode", widget=forms.TextInput(attrs=_batas("kode")))
    nama = forms.CharField(
        label="Nama sub kegiatan",
        required=False,
        help_text="kosongkan untuk memakai nama resmi dari nomenklatur",
        widget=forms.Textarea(attrs=_batas("nama", {"rows": 2, "cols": 80})),
    )
    unit = forms.ModelChoiceField(label="Unit penanggung jawab", queryset=None, required=False, empty_label="—")
    lokasi = forms.CharField(
        label="Lokasi", required=False, help_text="pisahkan dengan koma", widget=forms.TextInput(attrs={"size": 60})
    )
    prioritas_nasional = forms.CharField(
        label="Prioritas nasional",
        required=False,
        widget=forms.Textarea(attrs=_batas("prioritas_nasional", {"rows": 2, "cols": 80})),
    )
    prioritas_daerah = forms.CharField(
        label="Prioritas daerah", required=False, widget=forms.TextInput(attrs=_batas("prioritas_daerah"))
    )
    kelompok_sasaran = forms.CharField(
        label="Kelompok sasaran", required=False, widget=forms.TextInput(attrs=_batas("kelompok_sasaran"))
    )
    prakiraan_target = forms.CharField(label="Target prakiraan maju (n+1)", required=False)
    prakiraan_satuan = forms.CharField(
        label="Satuan prakiraan maju", required=False, widget=forms.TextInput(attrs=_batas("prakiraan_satuan"))
    )
    prakiraan_pagu = forms.CharField(label="Pagu prakiraan maju (Rp)", required=False)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def clean_prakiraan_target(self):
        return parse_target(self.cleaned_data.get("prakiraan_target"), wajib=False, label="Target prakiraan maju")

    def clean_prakiraan_pagu(self):
        return parse_rupiah_field(self.cleaned_data.get("prakiraan_pagu"), "Pagu prakiraan maju")

    @staticmethod
    def initial_for(row) -> dict:
        pt = target_of(row, "prakiraan_target")
        return {
            "version": row.version,
            "kode": row.kode,
            "nama": row.nama,
            "unit": row.unit_id,
            "lokasi": ", ".join(row.lokasi or []),
            "prioritas_nasional": row.prioritas_nasional,
            "prioritas_daerah": row.prioritas_daerah,
            "kelompok_sasaran": row.kelompok_sasaran,
            "prakiraan_target": "" if pt.kosong else pt.tampil(),
            "prakiraan_satuan": row.prakiraan_satuan,
            "prakiraan_pagu": "" if row.prakiraan_pagu is None else angka.format_angka(row.prakiraan_pagu),
        }


class IndikatorForm(forms.Form):
    uraian = forms.CharField(
        label="Indikator", required=False, widget=forms.Textarea(attrs=_batas("uraian", {"rows": 2, "cols": 70}))
    )
    target = forms.CharField(label="Target", required=False, widget=forms.TextInput(attrs={"size": 10}))
    satuan = forms.CharField(
        label="Satuan", required=False, widget=forms.TextInput(attrs=_batas("satuan", {"size": 12}))
    )

    def clean(self):
        data = super().clean()
        if self.cleaned_data.get("DELETE"):
            return data
        if not any((data.get(k) or "").strip() for k in ("uraian", "target", "satuan")):
            data["kosong"] = True
            return data
        # Parsing only; whether uraian, target and satuan are required is the service's rule.
        try:
            data["target_parsed"] = parse_target(data.get("target"), wajib=False, label="Target")
        except ValidationError as exc:
            self.add_error("target", exc)
        return data


class PaguForm(forms.Form):
    sumber_dana = forms.ModelChoiceField(
        label="Sumber dana", queryset=SumberDana.objects.all(), required=False, to_field_name="kode", empty_label="—"
    )
    jumlah = forms.CharField(label="Pagu (Rp)", required=False, widget=forms.TextInput(attrs={"size": 18}))

    def clean(self):
        data = super().clean()
        if self.cleaned_data.get("DELETE"):
            return data
        sd, jumlah = data.get("sumber_dana"), (data.get("jumlah") or "").strip()
        if sd is None and not jumlah:
            data["kosong"] = True
            return data
        if sd is None:
            self.add_error("sumber_dana", "Pilih sumber dana untuk pagu ini.")
        try:
            data["jumlah_parsed"] = parse_rupiah_field(jumlah, "Pagu")
            if data["jumlah_parsed"] is None:
                self.add_error("jumlah", "Pagu wajib diisi (Rupiah bulat ≥ 0).")
        except ValidationError as exc:
            self.add_error("jumlah", exc)
        return data


IndikatorFormSet = forms.formset_factory(IndikatorForm, extra=1, can_delete=True)
PaguFormSet = forms.formset_factory(PaguForm, extra=1, can_delete=True)


def indikator_initial(row) -> list[dict]:
    return [
        {"uraian": i.uraian, "target": target_of(i).tampil() if not target_of(i).kosong else "", "satuan": i.satuan}
        for i in row.indikator.all()
    ]


def pagu_initial(row) -> list[dict]:
    return [{"sumber_dana": p.sumber_dana.kode, "jumlah": angka.format_angka(p.jumlah)} for p in row.pagu.all()]


def build_row_input(form: SubKegiatanForm, ind_fs, pagu_fs, *, existing_row=None) -> RowInput:
    cd = form.cleaned_data
    indikator = []
    old = {i.urutan: i for i in existing_row.indikator.all()} if existing_row else {}
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
    pagu: dict[str, Decimal] = {}
    for f in pagu_fs.forms:
        d = f.cleaned_data
        if not d or d.get("DELETE") or d.get("kosong"):
            continue
        kode = d["sumber_dana"].kode
        if kode in pagu:
            raise ValidationError({"pagu": f"Sumber dana {kode} diisi lebih dari sekali; gabungkan jumlahnya."})
        pagu[kode] = d["jumlah_parsed"]
    return RowInput(
        kode=cd["kode"],
        nama=cd["nama"],
        unit=cd.get("unit"),
        indikator=indikator,
        pagu=pagu,
        lokasi=[x for x in (cd.get("lokasi") or "").split(",")],
        prioritas_nasional=cd.get("prioritas_nasional", ""),
        prioritas_daerah=cd.get("prioritas_daerah", ""),
        kelompok_sasaran=cd.get("kelompok_sasaran", ""),
        prakiraan_target=cd["prakiraan_target"],
        prakiraan_satuan=cd.get("prakiraan_satuan", ""),
        prakiraan_pagu=cd.get("prakiraan_pagu"),
        sumber=existing_row.sumber if existing_row else "",
        catatan=existing_row.catatan if existing_row else "",
    )
