"""Årshjulet in the back office: the dates can be corrected here, and the field history keeps
who did it. The order of the dates is checked on the portfolio's page (velge.services.arshjul)."""

from django.contrib import admin

from portefolje.admin_felles import HistorikkAdmin
from velge.models import Arshjul, Arshjulpunkt


class ArshjulpunktInline(admin.TabularInline):
    model = Arshjulpunkt
    extra = 0


@admin.register(Arshjul)
class ArshjulAdmin(HistorikkAdmin):
    list_display = ["portefolje", "ar", "notatfrist", "vurderingsmote", "beslutningsmote"]
    list_filter = ["portefolje", "ar"]
    inlines = [ArshjulpunktInline]
