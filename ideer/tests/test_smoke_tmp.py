from ideer.tests.factories import InnbyggerInnspillFactory


def test_sider(klient_for, utvikler, db):
    i = InnbyggerInnspillFactory()
    k = klient_for(utvikler)
    for url in ["/ideer/", "/ideer/ny/", "/ideer/mine/", f"/ideer/{i.pk}/", "/ideer/importer/", "/", "/ideer/?q=behov", "/ideer/?eksport=csv", "/ideer/?eksport=xlsx"]:
        r = k.get(url)
        assert r.status_code == 200, (url, r.content[:2000])
    k.logout()
    for url in ["/innspill/ny/", f"/innspill/{i.kode}/", "/personvern/"]:
        r = k.get(url)
        assert r.status_code == 200, url
