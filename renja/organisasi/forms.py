"""Forms of the administration pages: they parse and render; the services validate (no rules here)."""

from django import forms

from renja.organisasi.models import Pemda, Peran


class PemdaForm(forms.Form):
    kode = forms.CharField(
        label="Kode wilayah", max_length=20, help_text="Kemendagri: 32.75 kota/kabupaten, 32 provinsi"
    )
    nama = forms.CharField(label="Nama resmi", max_length=300, help_text="mis. Kota Contoh")
    jenis = forms.ChoiceField(label="Jenis", choices=Pemda.Jenis.choices)


class OpdForm(forms.Form):
    kode = forms.CharField(
        label="Kode unit SIPD", max_length=60, help_text="X.XX.X.XX.X.XX.XX.XXXX, mis. 1.01.0.00.0.00.01.0000"
    )
    nama = forms.CharField(label="Nama perangkat daerah", max_length=1000)
    singkatan = forms.CharField(label="Singkatan", max_length=1000, required=False)


class KepalaForm(forms.Form):
    kepala_nama = forms.CharField(label="Nama kepala", max_length=1000, required=False)
    kepala_pangkat = forms.CharField(label="Pangkat/golongan", max_length=1000, required=False)
    kepala_nip = forms.CharField(label="NIP", max_length=100, required=False, help_text="18 digit, boleh dengan spasi")
    kepala_jabatan = forms.CharField(label="Jabatan", max_length=1000, required=False)


class OpdBaruForm(OpdForm, KepalaForm):
    pass


class UnitForm(forms.Form):
    kode = forms.CharField(label="Kode unit", max_length=100, help_text="huruf kecil tanpa spasi, mis. sekretariat")
    nama = forms.CharField(label="Nama unit", max_length=1000)


class PenggunaForm(forms.Form):
    nama_lengkap = forms.CharField(label="Nama lengkap", max_length=1000)
    email = forms.CharField(label="Surel", max_length=300, required=False)
    nip = forms.CharField(label="NIP", max_length=100, required=False, help_text="18 digit, boleh dengan spasi")
    jabatan = forms.CharField(label="Jabatan", max_length=1000, required=False)


class PenggunaBaruForm(PenggunaForm):
    username = forms.CharField(label="Nama pengguna", max_length=300, help_text="untuk masuk, mis. budi.santoso")
    field_order = ["username", "nama_lengkap", "email", "nip", "jabatan"]

    def __init__(self, *args, peran_choices=None, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if peran_choices:
            self.fields["peran"] = forms.ChoiceField(label="Peran", choices=[("", "(tanpa peran)"), *peran_choices])
            self.fields["peran"].required = False
        if units is not None:
            self.fields["unit"] = forms.ChoiceField(
                label="Unit (untuk operator)", required=False, choices=[("", "—"), *[(u.pk, u.nama) for u in units]]
            )


class PeranForm(forms.Form):
    username = forms.CharField(label="Nama pengguna", max_length=300)
    peran = forms.ChoiceField(label="Peran", choices=Peran.choices)

    def __init__(self, *args, peran_choices=None, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if peran_choices:
            self.fields["peran"].choices = peran_choices
        if units is not None:
            self.fields["unit"] = forms.ChoiceField(
                label="Unit (untuk operator)", required=False, choices=[("", "—"), *[(u.pk, u.nama) for u in units]]
            )


class SandiForm(forms.Form):
    old_password = forms.CharField(label="Kata sandi lama", widget=forms.PasswordInput, required=False)
    new_password1 = forms.CharField(label="Kata sandi baru", widget=forms.PasswordInput, required=False)
    new_password2 = forms.CharField(label="Ulangi kata sandi baru", widget=forms.PasswordInput, required=False)


def attach_errors(form, exc) -> None:
    """Put a service's ValidationError on the form: field errors beside their field, the rest on top."""
    if hasattr(exc, "error_dict"):
        for name, errs in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errs)
    else:
        form.add_error(None, exc.messages)
