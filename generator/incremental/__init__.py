"""Render again only the records whose pages can have changed since the last build (issue 9).

A record's pages (its letters' pages, its record page, its letters' JSON files) and what the
corpus-wide open data keeps of it are a pure function of the record and of the parts of the
linked corpus its renderers look up. Those parts are named here as groups, each a (kind, key)
pair whose value is read from the render context:

    ("record", path)            the record itself, by its parse key (its source's and sidecar's
                                bytes and the parser: `generator.cache.parsed_key`)
    ("letter_page", key)        the page of a letter; ("record_page", path) that of a record
    ("threads", key)            what the questions and answers of letter `key` are threaded to
    ("statuses", key)           the statuses of the questions and answers of letter `key`
    ("text_links", path)        the text links in the record's paragraphs and footnotes; ("terms",
                                path) the uses of glossary terms there; ("references", path) the
                                documents it cites. The link pass finds these in the record alone
                                (`generator.link.record`): they are hashed as its parse key
    ("places", path)            where each paragraph and footnote of the record stands (page, anchor):
                                they follow from the record and its letters' pages (`letter_page`
                                groups, declared with it), so they are hashed as its parse key
    ("events", key)             the events letter `key` dates: the date of each, and the letter's
                                own sources of it (what its page shows: `timeline_slice`)
    ("notes", page)             the editorial notes placed on a page
    ("cited_in", page)          the citations, on other pages, of the documents a page shows
    ("citations", path)         where the record's references are cited
    ("documents", identifier)   the page of the corpus's own document with that identifier
    ("dossiers", key)           the dossiers letter `key` belongs to and cites; ("dossiers", path)
                                those of the record
    ("site", None)              what every page may show: the site's address, the glossary, the
                                notes, the list of dossiers, the code of the whole generator

`declared_groups(record)` lists the groups a record's pages read: its own, and those of every
letter they are threaded to, link to, or are cited by. The record's fingerprint is the
hash of those groups' values, each written out as a part (`fingerprints._part_of`: the group, and its value
as text where it is text or nothing, else its hash). `tests/test_incremental.py` renders every record of the seeds and
of a generated corpus with a context that records every look-up, and checks that each falls in
a declared group: a renderer that starts reading something new fails that test, not a rebuild.

What each record rendered to (the parts its fingerprint hashed, its pages' paths and hashes, and
its open data's pieces) is kept with the other records of its share of the corpus
(`generator.emit`) in one file, `<cache>/rendered/<docs folder>/<share>.pickle`, named after the
docs folder and the share's records (the same share in the next build, unless records came or went,
has the same name, and its file is replaced), with the hash of each source in that build. A rebuild reads the
share files once, and takes a record's pages from there when every part its fingerprint hashed is
as it is now (then so are the groups it declares, which follow from those parts, and so its
fingerprint: it is not computed again) and every one of its files in `docs/` is as the last build
left it (the same hash, size and modification time, kept in `<cache>/incremental/` with the share
file of each record): those files are not touched. Most parts are not looked at one by one: every
group of a kind is read from one source (the threads, the statuses, the events, the addresses, …:
`SOURCES`), each hashed whole once a build and kept in the share file, and a record's parts of a
kind whose source hashes as it did when its share file was written are as they were then. Every
other record is rendered as in a full build. The pages that are no record's own (home, months,
overviews) are taken from the last build when what they show is unchanged (`overview_digest`,
in `views`: an edit to a letter's text leaves them as they are); the corpus-wide open data is always
rendered.

Once a build's pages are in `docs/` and its state is written, the share files of its docs folder
that it did not keep its records in (those of an earlier build whose shares were cut otherwise,
when records came or went) are removed (`Incremental.prune`), as are the parses of sources that
are gone or changed (`generator.cache.prune_parsed`): the cache holds what the next build can use,
not every build's. A build that fails or is interrupted before that removes nothing.

The modules: `fingerprints` (the groups a record's pages read, their values and sources, the
fingerprint: `Fingerprints`), `rebuild` (the decision, the share files and the docs folder's
state: `Incremental`), `views` (what the pages that are no record's own see: `overview_digest`).
"""

from generator.incremental.fingerprints import SOURCES, Fingerprints, Group, linked_digests, source_digests
from generator.incremental.rebuild import RENDERED_FOLDER, STATE_FOLDER, Incremental
from generator.incremental.views import overview_context, overview_digest, record_view, view_digest

__all__ = [
    "RENDERED_FOLDER", "SOURCES", "STATE_FOLDER", "Fingerprints", "Group", "Incremental", "linked_digests",
    "overview_context", "overview_digest", "record_view", "source_digests", "view_digest",
]
