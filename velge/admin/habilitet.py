"""Impartiality in the back office: the portfolio's decision rule (quorum and deputy chair) is
set here or by the chair on the portfolio's page; declarations are only read here (a member
makes them on the scoring page, with the reason the minutes record)."""

from django.contrib import admin

from portefolje.admin_felles import SkrivebeskyttetAdmin
from velge.models import Beslutningsregel, Inhabilitet


@admin.register(Beslutningsregel)
class BeslutningsregelAdmin(admin.ModelAdmin):
    list_display = ["portefolje", "kvorum", "stedfortreder"]
    raw_id_fields = ["stedfortreder"]


@admin.register(Inhabilitet)
class InhabilitetAdmin(SkrivebeskyttetAdmin):
    list_display = ["notat", "medlem", "grunn", "erklart"]
    search_fields = ["notat__tittel", "medlem__username"]
