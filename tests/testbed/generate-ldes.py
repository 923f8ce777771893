#!/usr/bin/env python3
# generate-ldes.py
#
# Copyright 2026 The Vitrine authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Generate the LDES streams the local test bed serves, in Ghent's shape.

Ghent's adlib2eventstream API (StadGent's eventstream server) publishes each
organisation's objects as a TREE of JSON-LD pages: the root answers 302 to
the newest page, `?generatedAtTime=<ISO time>`; every page is a tree:Node
with `viewOf`, `tree:relation` (LessThan to the older page,
GreaterThanOrEqualTo to the newer one, with tree:remainingItems) and the
members in `@included`. Members are versions of objects (`@id` a version
URI, `dcterms:isVersionOf` the object) in the OSLO "cultureel erfgoed
object" vocabulary, as in ../shared samples; everything here is invented.

The relations' tree:node are relative IRIs (`objecten?generatedAtTime=…`):
the test bed's port is only known when it serves, and JSON-LD resolves
them against the page's address.

Outputs in OUTDIR/ldes/ (nothing is committed):
  <org>/<time>.json          older pages (served immutable)
  <org>/current/<time>.json  the newest page (served with Expires: midnight)
  streams.json               what vitrine-testbed needs to serve them, and
                             what the tests check against
Streams: the five organisations (2,000+ objects each, later versions of some
objects, the objects of ghent-objects.json among them) and the fault cases
fault-5xx, fault-truncated, fault-loop, fault-file, fault-noid, fault-huge;
and relation-kinds, a root page with one relation of each TREE kind.
"""

import argparse
import datetime
import json
import os
import random
import shutil
import sys
import time
import zlib

HERE = os.path.dirname (os.path.abspath (__file__))

ORGS = {
    # org: (priref prefix, wikidata keeper, number format)
    "dmg": ("53", "http://www.wikidata.org/entity/Q1809071"),
    "hva": ("47", "http://www.wikidata.org/entity/Q2358158"),
    "industriemuseum": ("57", "http://www.wikidata.org/entity/Q2245203"),
    "stam": ("55", "http://www.wikidata.org/entity/Q980285"),
    "archiefgent": ("67", "http://www.wikidata.org/entity/Q41776192"),
}
OBJECTS_PER_ORG = 2000
PAGE_SIZE = 100
REVISED = 0.1  # share of objects with a later version
MANIFEST_BASE = "https://api.collectie.gent/iiif/presentation/v2/manifest/"
IMAGE_BASE = "https://api.collectie.gent/iiif/image/iiif/2/"
STREAM_PATH = "/opendata/adlib2eventstream/v1/%s/objecten"
CONTEXT = [
    "https://apidg.gent.be/opendata/adlib2eventstream/v1/context/cultureel-erfgoed-object-ap.jsonld",
    "https://apidg.gent.be/opendata/adlib2eventstream/v1/context/persoon-basis.jsonld",
    "https://apidg.gent.be/opendata/adlib2eventstream/v1/context/cultureel-erfgoed-event-ap.jsonld",
    "https://apidg.gent.be/opendata/adlib2eventstream/v1/context/organisatie-basis.jsonld",
    "https://apidg.gent.be/opendata/adlib2eventstream/v1/context/generiek-basis.jsonld",
    "https://apidg.gent.be/opendata/adlib2eventstream/v1/context/dossier.jsonld",
    {
        "dcterms:isVersionOf": {"@type": "@id"},
        "prov": "http://www.w3.org/ns/prov#",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "label": "http://www.w3.org/2000/01/rdf-schema#label",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "foaf:page": {"@type": "@id"},
        "cest": "https://www.projectcest.be/wiki/Publicatie:Invulboek_objecten/Veld/",
        "la": "https://linked.art/ns/terms/",
        "conforms_to": {"@id": "dcterms:conformsTo", "@type": "@id", "@container": "@set"},
        "equivalent": {"@id": "la:equivalent", "@type": "@id"},
        "dig": "http://www.ics.forth.gr/isl/CRMdig/",
        "DigitalObject": {"@id": "dig:D1_Digital_Object"},
    },
]
PAGE_CONTEXT = {
    "prov": "http://www.w3.org/ns/prov#",
    "tree": "https://w3id.org/tree#",
    "sh": "http://www.w3.org/ns/shacl#",
    "dcterms": "http://purl.org/dc/terms/",
    "tree:member": {"@type": "@id"},
    "memberOf": {"@reverse": "tree:member", "@type": "@id"},
    "tree:node": {"@type": "@id"},
    "tree:path": {"@type": "@id"},
    "viewOf": {"@reverse": "tree:view", "@type": "@id"},
}

THINGS = [("schoteltje", "300195535"), ("theepot", "300198815"), ("stoel", "300037568"),
          ("affiche", "300027221"), ("foto", "300046300"), ("bouwtekening", "300034787"),
          ("weefgetouw", "300024807"), ("pop", "300211087"), ("kaart", "300028094"),
          ("vaas", "300132254"), ("oorkonde", "300026682"), ("prent", "300041273")]
ADJECTIVES = ["geglazuurde", "houten", "zilveren", "gelakte", "vergulde", "kleine", "oude",
              "gebrande", "geëmailleerde", "ijzeren", "crèmekleurige", "blauwe"]
PLACES = ["Gent", "de Korenlei", "de Veldstraat", "het Gravensteen", "Sint-Pieters",
          "de Vrijdagmarkt", "Brugge", "Café De Ware Vrienden", "de Leie", "Gentbrugge"]
MAKERS = [("Stockmans, Pieter", "ontwerper"), ("Van de Velde, Henry", "ontwerper"),
          ("Claus, Émile", "kunstenaar"), ("Royal Boch", "uitvoerder"),
          ("Minne, George", "beeldhouwer"), ("Coppens, Hélène", "fotograaf"),
          ("Val-Saint-Lambert", "uitvoerder"), ("De Smet, Gustave", "kunstenaar"),
          ("Horta, Victor", "architect"), ("onbekend", None)]
MATERIALS = [("steengoed", "300010672"), ("glas", "300010797"), ("papier", "300014109"),
             ("hout", "300011914"), ("zilver", "300011029"), ("textiel", "300014063")]
COLLECTIONS = ["jaren 2000", "Art Nouveau", "Bouwaanvragen, 1671-1795 (OA_535)", "textiel",
               "Gentse feesten", "energie", "stadsgeschiedenis"]


def iso (t):
    return t.strftime ("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def object_number (org, i, rng):
    if org == "dmg":
        return "%d-%04d" % (1950 + i % 70, i) + ("_0-%d" % (i % 5 + 2) if i % 7 == 0 else "")
    if org == "hva":
        return "%d-%03d-%03d" % (1960 + i % 60, i % 1000, i // 10)
    if org == "industriemuseum":
        return "V%05d" % (10000 + i) + ("-%03d" % (i % 50) if i % 3 == 0 else "")
    if org == "stam":
        return "%05d" % i if i % 4 else "A2005.02.%d" % i
    return "OA_535_%03d_%02d" % (i // 20, i % 20) + ("_%s_TE" % "ABCDE"[i % 5] if i % 2 else "")


def member (org, priref, number, when, fields):
    """One member, as Ghent's adlib2eventstream serves it."""
    obj = "https://stad.gent/id/mensgemaaktobject/%s/%s" % (org, priref)
    version = "%s/%s" % (obj, when)
    m = {
        "@context": CONTEXT,
        "@id": version,
        "@type": "MensgemaaktObject",
        "dcterms:isVersionOf": obj,
        "prov:generatedAtTime": when,
        "foaf:page": "https://stad.gent/data/mensgemaaktobject/%s/%s/%s" % (org, priref, when),
        "Object.identificator": [
            {"@type": "Identificator",
             "Identificator.identificator": {"@value": priref,
                                             "@type": "https://stad.gent/id/identificatiesysteem/priref"}},
        ],
        "MaterieelDing.beheerder": ORGS[org][1] if org in ORGS else ORGS["dmg"][1],
    }
    if number is not None:
        m["Object.identificator"].append (
            {"@type": "Identificator",
             "Identificator.identificator": {"@value": number,
                                             "@type": "https://stad.gent/id/identificatiesysteem/objectnummer"},
             "Entiteit.type": {"@id": "cest:Waarde_objectnummer", "label": "objectnummer"}})
    if fields.get ("collection"):
        m["MensgemaaktObject.maaktDeelUitVan"] = [
            {"@id": "https://stad.gent/id/concept/%s0010545" % priref[:2], "@type": "Collectie",
             "Entiteit.beschrijving": fields["collection"],
             "Entiteit.type": [{"@id": "cest:Naam_collectie", "label": "collectie"}]}]
    if fields.get ("thing"):
        name, aat = fields["thing"]
        m["Entiteit.classificatie"] = [
            {"@type": "Classificatie", "Classificatie.getypeerdeEntiteit": obj,
             "Classificatie.toegekendType": {"@id": "http://vocab.getty.edu/aat/" + aat,
                                             "skos:prefLabel": {"@value": name, "@language": "nl"}},
             "Entiteit.type": {"@id": "cest:Term_objectnaam", "label": "objectnaam"}}]
    m["MensgemaaktObject.titel"] = {"@value": fields["title"], "@language": "nl"}
    if fields.get ("description"):
        m["Entiteit.beschrijving"] = {"@value": fields["description"], "@language": "nl"}
    maker, role = fields.get ("maker", ("onbekend", None))
    agent = "https://stad.gent/id/agent/%s%07d" % (priref[:2], zlib.crc32 (maker.encode ()) % 10000000)
    production = {
        "@type": "Productie",
        "Gebeurtenis.tijd": {"@value": fields.get ("date", ".."),
                             "@type": "http://id.loc.gov/datatypes/edtf/EDTF"},
        "Productie.product": obj,
        "Activiteit.uitgevoerdDoor": {
            "@type": "Agent",
            "equivalent": {"@id": agent, "@type": "Agent", "label": {"@value": maker, "@language": "nl"}},
            "Entiteit.type": {"@id": "cest:Naam_vervaardiger", "label": "vervaardiger"}},
    }
    if role:
        production["@reverse"] = {"Rol.activiteit": {
            "@type": "Rol", "Rol.agent": agent,
            "Rol.rol": {"@id": "http://vocab.getty.edu/aat/300025190",
                        "skos:prefLabel": {"@value": role, "@language": "nl"}},
            "Entiteit.type": {"@id": "cest: Rol_vervaardiger", "label": "vervaardiger.rol"}}}
    m["MaterieelDing.productie"] = [production]
    if fields.get ("material"):
        name, aat = fields["material"]
        m["MensgemaaktObject.materiaal"] = [
            {"@type": "TypeMateriaal",
             "Entiteit.type": [{"@id": "http://vocab.getty.edu/aat/" + aat,
                                "skos:prefLabel": {"@value": name, "@language": "nl"}},
                               {"@id": "cest:Term_materials", "label": "materiaal"}]}]
    if fields.get ("dimensions"):
        m["MensgemaaktObject.dimensie"] = [
            {"@type": "Dimensie", "Dimensie.beschrijving": "Dimensie van geheel",
             "Dimensie.type": t, "Dimensie.waarde": v, "Dimensie.eenheid": "cm"}
            for t, v in fields["dimensions"]]
    if number is not None:
        m["Entiteit.isHetOnderwerpVan"] = [
            {"@id": MANIFEST_BASE + "%s:%s" % (org, number), "@type": "DigitalObject",
             "conforms_to": [{"@id": "https://iiif.io/api/presentation", "@type": "InformatieObject"}],
             "format": "application/ld+json;profile=\\\"http://iiif.io/api/presentation/2/context.json\\\""}]
        if fields.get ("image"):
            # Not in Ghent's members: the test bed names the image service of
            # its own objects the same way, so that the app's catalogue
            # results have thumbnails (api.collectie.gent is the test bed).
            m["Entiteit.isHetOnderwerpVan"].append (
                {"@id": IMAGE_BASE + fields["image"], "@type": "DigitalObject",
                 "conforms_to": [{"@id": "http://iiif.io/api/image", "@type": "InformatieObject"}]})
    return m


def invented_fields (rng, i):
    thing = rng.choice (THINGS)
    adjective = rng.choice (ADJECTIVES)
    place = rng.choice (PLACES)
    maker = rng.choice (MAKERS)
    return {
        "title": "%s %s uit %s" % (adjective.capitalize (), thing[0], place),
        "description": "Een %s %s, gemaakt in %s. Object %d van de reeks." % (adjective, thing[0], place, i),
        "thing": thing,
        "maker": maker,
        "date": "%d/%d" % (1850 + i % 150, 1850 + i % 150 + rng.randint (0, 5)),
        "material": rng.choice (MATERIALS),
        "dimensions": [("hoogte", "%.1f" % rng.uniform (1, 90)), ("breedte", "%.1f" % rng.uniform (1, 90))],
        "collection": rng.choice (COLLECTIONS),
    }


def testbed_objects ():
    """The objects the test bed has manifests for, by org: the app's
    enrichment and 403 page find them in the catalogue."""
    with open (os.path.join (HERE, "ghent-objects.json"), encoding="utf-8") as f:
        table = json.load (f)
    known = {}
    for obj in table["objects"]:
        org, number = obj["id"].split (":", 1)
        if org not in ORGS or obj["status"] == 404:
            continue
        title = obj.get ("label") or {
            "dmg:2008-0038_11-14": "Schoteltje van het servies 'For Friends I'",
            "archiefgent:OA_535_001_01": "Gent: Veldstraat, bouwaanvraag van Joos De Vos, 1721",
            "industriemuseum:V12829": "Fragment van een glazen gasbuis",
        }.get (obj["id"], "Object " + number)
        known.setdefault (org, []).append ({
            "number": number, "priref": obj.get ("priref"), "title": title,
            "description": obj.get ("description") or "Beschrijving van %s in de catalogus." % title,
            "image": obj["canvases"][0]["ident"] if obj.get ("canvases") else None,
            "status": obj["status"]})
    return known


class Stream:
    def __init__ (self, name, outdir):
        self.name = name
        self.dir = os.path.join (outdir, name)
        os.makedirs (os.path.join (self.dir, "current"), exist_ok=True)
        self.info = {"name": name, "path": STREAM_PATH % name}

    def write (self, pages, loop=False, truncate=None):
        """PAGES: list of (time, members), oldest first. Writes one file per
        page; the last one is the newest."""
        times = [t for t, _ in pages]
        total = sum (len (m) for _, m in pages)
        older = 0
        for i, (t, members) in enumerate (pages):
            relations = []
            if i > 0:
                relations.append ({"@type": "tree:LessThanRelation",
                                   "tree:node": "objecten?generatedAtTime=" + times[i - 1],
                                   "tree:path": "prov:generatedAtTime", "tree:value": t,
                                   "tree:remainingItems": older})
            elif loop:
                # The oldest page leads back to the newest.
                relations.append ({"@type": "tree:LessThanRelation",
                                   "tree:node": "objecten?generatedAtTime=" + times[-1],
                                   "tree:path": "prov:generatedAtTime", "tree:value": t,
                                   "tree:remainingItems": 0})
            if i + 1 < len (pages):
                relations.append ({"@type": "tree:GreaterThanOrEqualToRelation",
                                   "tree:node": "objecten?generatedAtTime=" + times[i + 1],
                                   "tree:path": "prov:generatedAtTime", "tree:value": times[i + 1],
                                   "tree:remainingItems": total - older - len (members)})
            page = {
                "@context": PAGE_CONTEXT,
                "@id": "objecten?generatedAtTime=" + t,
                "@type": "tree:Node",
                "viewOf": {"@id": "https://stad.gent/id/dataset/%s/objecten" % self.name,
                           "@type": "tree:Collection"},
                "@included": members,
            }
            if relations:
                page["tree:relation"] = relations
            newest = i == len (pages) - 1
            path = os.path.join (self.dir, "current" if newest else "", t + ".json")
            text = json.dumps (page, ensure_ascii=False, separators=(",", ":"))
            if truncate is not None and i == truncate:
                text = text[:len (text) // 2]
            with open (path, "w", encoding="utf-8") as f:
                f.write (text)
            older += len (members)
        self.info.update (newest=times[-1], pages=times, members=total)
        return self.info


def make_org (outdir, org, rng, known, start):
    prefix = ORGS[org][0]
    versions = []
    objects = {}
    t = start
    specials = known.get (org, [])
    for i in range (OBJECTS_PER_ORG):
        t += datetime.timedelta (seconds=rng.randint (1, 600), milliseconds=rng.randint (0, 999))
        if i < len (specials):
            s = specials[i]
            number, priref = s["number"], s["priref"] or "%s%07d" % (prefix, 900000 + i)
            fields = invented_fields (rng, i)
            fields.update (title=s["title"], description=s["description"], image=s["image"])
        else:
            number = object_number (org, i, rng)
            priref = "%s%07d" % (prefix, 1000000 + i + 1)  # above the test bed's own
            fields = invented_fields (rng, i)
        if number in objects:
            number += "-%d" % i
        objects[number] = fields["title"]
        versions.append ((iso (t), member (org, priref, number, iso (t), fields), number, priref, fields))
    # Later versions of some objects, each in a later page than the first.
    revised = {}
    for when, _m, number, priref, fields in rng.sample (versions, int (OBJECTS_PER_ORG * REVISED)):
        t += datetime.timedelta (seconds=rng.randint (1, 600), milliseconds=rng.randint (0, 999))
        fields = dict (fields, title=fields["title"] + " (herzien)")
        versions.append ((iso (t), member (org, priref, number, iso (t), fields), number, priref, fields))
        revised[number] = fields["title"]
    versions.sort (key=lambda v: v[0])
    pages = [(versions[i][0], [v[1] for v in versions[i:i + PAGE_SIZE]])
             for i in range (0, len (versions), PAGE_SIZE)]
    info = Stream (org, outdir).write (pages)
    info.update (objects=len (objects), revised=dict (list (sorted (revised.items ()))[:20]),
                 n_revised=len (revised),
                 testbed_objects=["%s:%s" % (org, s["number"]) for s in specials])
    return info


def make_fault (outdir, name, rng, start, n_pages=5, per_page=10, **kw):
    t = start
    pages = []
    number = 0
    for p in range (n_pages):
        members = []
        for _ in range (per_page):
            t += datetime.timedelta (seconds=rng.randint (1, 60))
            number += 1
            has_number = not (kw.get ("no_number") and number % 3 == 0)
            members.append (member ("dmg", "53%07d" % number, "F-%04d" % number if has_number else None,
                                    iso (t), invented_fields (rng, number)))
        pages.append ((members[0]["prov:generatedAtTime"], members))
    info = Stream (name, outdir).write (pages, loop=kw.get ("loop", False), truncate=kw.get ("truncate"))
    info["objects"] = sum (1 for _, ms in pages for m in ms if len (m["Object.identificator"]) > 1)
    return info


RELATION_KINDS = ["tree:Relation", "tree:LessThanRelation", "tree:LessThanOrEqualToRelation",
                  "tree:GreaterThanRelation", "tree:GreaterThanOrEqualToRelation", "tree:EqualToRelation",
                  "tree:PrefixRelation", "tree:SubstringRelation", "tree:SuffixRelation",
                  "tree:GeospatiallyContainsRelation", "tree:InBetweenRelation"]


def make_relation_kinds (outdir, rng, start):
    """A root page with one relation of each kind the TREE specification
    defines, each to a page of its own with 3 members: all of them are
    pages to read, whatever the kind. Compacted differently on purpose:
    a single relation is an object, not a list, and one node is {"@id"}."""
    stream = Stream ("relation-kinds", outdir)
    t = start
    number = 0
    times = []
    for k, kind in enumerate (RELATION_KINDS):
        members = []
        for _ in range (3):
            t += datetime.timedelta (seconds=rng.randint (1, 60))
            number += 1
            members.append (member ("stam", "55%07d" % number, "R-%04d" % number, iso (t),
                                    invented_fields (rng, number)))
        when = members[0]["prov:generatedAtTime"]
        times.append (when)
        page = {"@context": PAGE_CONTEXT, "@id": "objecten?generatedAtTime=" + when, "@type": "tree:Node",
                "@included": members,
                # Every page leads back to the root page: a loop to ignore.
                "tree:relation": {"@type": "tree:GreaterThanRelation",
                                  "tree:node": {"@id": "objecten?generatedAtTime=" + iso (start)}}}
        with open (os.path.join (stream.dir, when + ".json"), "w", encoding="utf-8") as f:
            json.dump (page, f, ensure_ascii=False)
    root = iso (start)
    page = {"@context": PAGE_CONTEXT, "@id": "objecten?generatedAtTime=" + root, "@type": "tree:Node",
            "viewOf": {"@id": "https://stad.gent/id/dataset/relation-kinds/objecten", "@type": "tree:Collection"},
            "@included": [],
            "tree:relation": [{"@type": kind, "tree:node": "objecten?generatedAtTime=" + when,
                               "tree:path": "prov:generatedAtTime", "tree:value": when}
                              for kind, when in zip (RELATION_KINDS, times)]}
    with open (os.path.join (stream.dir, "current", root + ".json"), "w", encoding="utf-8") as f:
        json.dump (page, f, ensure_ascii=False)
    stream.info.update (newest=root, pages=times + [root], members=number, objects=number,
                        kinds=RELATION_KINDS)
    return stream.info


def make_huge (outdir, rng, start):
    """A newest page of 50 MB: the catalogue refuses it unread."""
    stream = Stream ("fault-huge", outdir)
    when = iso (start)
    path = os.path.join (stream.dir, "current", when + ".json")
    pad = "x" * (1024 * 1024)
    with open (path, "w", encoding="utf-8") as f:
        f.write ('{"@context":%s,"@id":"objecten?generatedAtTime=%s","@type":"tree:Node","@included":['
                 % (json.dumps (PAGE_CONTEXT), when))
        for i in range (50):
            f.write ('%s{"@id":"x%d","Entiteit.beschrijving":"%s"}' % ("," if i else "", i, pad))
        f.write (']}')
    stream.info.update (newest=when, pages=[when], members=50)
    return stream.info


def main ():
    parser = argparse.ArgumentParser (description=__doc__.split ("\n\n")[0])
    parser.add_argument ("--outdir", required=True, help="the fixtures folder (writes OUTDIR/ldes)")
    parser.add_argument ("--stamp", help="file to touch when done (for meson)")
    args = parser.parse_args ()

    started = time.monotonic ()
    outdir = os.path.join (args.outdir, "ldes")
    shutil.rmtree (outdir, ignore_errors=True)
    os.makedirs (outdir)
    rng = random.Random (11)
    start = datetime.datetime (2023, 2, 13, 16, 0, 0, tzinfo=datetime.timezone.utc)
    known = testbed_objects ()

    streams = {}
    for org in ORGS:
        streams[org] = make_org (outdir, org, rng, known, start)
    streams["fault-5xx"] = make_fault (outdir, "fault-5xx", rng, start)
    # The middle page answers 500.
    streams["fault-5xx"]["status_500"] = streams["fault-5xx"]["pages"][2]
    streams["fault-truncated"] = make_fault (outdir, "fault-truncated", rng, start, truncate=2)
    streams["fault-loop"] = make_fault (outdir, "fault-loop", rng, start, loop=True)
    streams["fault-file"] = make_fault (outdir, "fault-file", rng, start)
    streams["fault-file"]["redirect_file"] = streams["fault-file"]["pages"][2]
    streams["fault-noid"] = make_fault (outdir, "fault-noid", rng, start, no_number=True)
    streams["fault-huge"] = make_huge (outdir, rng, start)
    streams["relation-kinds"] = make_relation_kinds (outdir, rng, start)

    with open (os.path.join (outdir, "streams.json"), "w", encoding="utf-8") as f:
        json.dump ({"page_size": PAGE_SIZE, "streams": streams}, f, indent=1, ensure_ascii=False)

    print ("LDES streams generated in %.1f s" % (time.monotonic () - started))
    if args.stamp:
        with open (args.stamp, "w") as f:
            f.write ("ok\n")
    return 0


if __name__ == "__main__":
    sys.exit (main ())
