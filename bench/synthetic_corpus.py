"""Synthetic articles for the scaling benches (never PolNeAR or BBC text).

``write_corpus``: a folder of files, each one of the shipped plain-text samples
with its paragraphs in a different order and a different date header, so every
file has its own cache key but reads like real news (for timing the analysis).

``synthetic_documents``: analysed articles made directly, sentences and quotes
generated from our own word lists, for timing the corpus index at a scale
(100,000 articles) that spaCy would take hours to analyse.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"


def sample_bodies() -> list[tuple[str, list[str]]]:
    """(name, paragraphs) of each plain-text sample, its date header removed."""
    bodies = []
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if text.startswith(" date "):
            text = text[len(" date 2025-01-01 "):]
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        bodies.append((path.stem, paragraphs))
    return bodies


def write_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """``count`` articles in ``folder`` (created); returns their paths, sorted."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    bodies = sample_bodies()
    paths = []
    for n in range(count):
        name, paragraphs = bodies[n % len(bodies)]
        lead, rest = paragraphs[0], paragraphs[1:]
        rng.shuffle(rest)
        day = date(2020, 1, 1) + timedelta(days=n)
        path = folder / f"{n:04d}-{name}.txt"
        path.write_text(f" date {day.isoformat()} " + "\n\n".join([lead, *rest]) + "\n", encoding="utf-8")
        paths.append(path)
    for stale in set(folder.glob("*.txt")) - set(paths):  # left by a run over other samples
        stale.unlink()
    return paths


FIRST = ["Ana", "Ben", "Carla", "Dev", "Elif", "Femi", "Grace", "Hugo", "Iris", "Jonas", "Kemi", "Luca", "Maya", "Nils", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tara", "Uma", "Victor", "Wen", "Xavier", "Yusuf", "Zara", "Aled", "Bea", "Cormac", "Dina", "Emil", "Fatima", "Gil", "Hana", "Ivo", "Jude", "Kai", "Lena", "Milo", "Nadia"]
LAST = ["Abbott", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jones", "Khan", "Lopez", "Morris", "Novak", "Okafor", "Patel", "Quayle", "Reyes", "Singh", "Turner", "Usman", "Vidal", "Walsh", "Xu", "Young", "Zielinski", "Ahmed", "Brennan", "Costa", "Doyle", "Eriksen", "Flores", "Gupta", "Hale", "Ibrahim", "Jensen", "Kowalski", "Lindqvist", "Mahmood", "Nakamura"]
ROLES = ("the housing minister", "a council leader", "the chief executive", "a union official",
         "the mayor", "an economist", "the shadow chancellor", "a local resident", "the head teacher",
         "a hospital consultant", "the police commissioner", "a spokesperson for the trust")
BODIES = ("the Treasury", "the city council", "the water regulator", "the rail operator",
          "the health trust", "the teachers' union", "the port authority", "the energy watchdog")
OUTLETS = ("The Morning Ledger", "Harbour Gazette", "Northern Courier", "City Chronicle",
           "Valley Times", "The Evening Post", "Coastal Herald", "Metro Bulletin")
PLACES = ("Leeds", "Porto", "Cardiff", "Lyon", "Bristol", "Gdansk", "Malmo", "Belfast", "Turin",
          "Aberdeen", "Ghent", "Bilbao")
SUBJECTS = ("housing targets", "flood defences", "water bills", "bus fares", "hospital waiting lists",
            "school budgets", "energy prices", "rail strikes", "council tax", "road repairs",
            "childcare costs", "wind farms", "library closures", "port expansion", "air quality",
            "rent controls", "nurse pay", "broadband rollout", "river pollution", "fuel duty")
VERBS = ("would rise", "had fallen", "must be reviewed", "were delayed again", "will be cut",
         "could double", "should be frozen", "had been promised", "would be scrapped", "are rising")
REASONS = ("after a difficult winter", "despite the new funding", "because of higher costs",
           "following the inquiry", "before the next election", "as demand keeps growing",
           "once the contract is signed", "while the review continues")


def _name(rng: random.Random) -> str:
    """Speakers follow a long tail: a few names are quoted everywhere, most rarely."""
    n = min(int(rng.paretovariate(1.1)), len(FIRST) * len(LAST)) - 1
    return f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST) + n) % len(LAST)]}"


def synthetic_documents(count: int, seed: int = 11, paragraphs: int = 36) -> Iterator:
    """``count`` analysed articles (``ParsedDocument``), with paths under ``synthetic/``."""
    from explorer.model import Article, Engine, ParsedDocument, Place, Quote, Span, Speaker

    rng = random.Random(seed)
    engine = Engine("0.1.0", "3.8.0", "synthetic-1.0")
    for number in range(count):
        parts: list[str] = []
        length = 0
        quotes, speakers, spans = [], {}, {}
        for _ in range(paragraphs):
            subject, verb, reason = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(REASONS)
            place = rng.choice(PLACES)
            if rng.random() < 0.35:
                name = _name(rng) if rng.random() < 0.85 else rng.choice(BODIES).removeprefix("the ")
                words = f"{subject.capitalize()} {verb} in {place} {reason},"
                opening = '"'
                sentence = f'{opening}{words}" said {name}, {rng.choice(ROLES)}.'
                start = length + len(opening)
                speaker = speakers.setdefault(name, f"s{len(speakers) + 1}")
                quotes.append(Quote(f"q{len(quotes) + 1}", "direct", start, start + len(words),
                                    (Span(start, start + len(words)),), words, speaker))
                mention = length + sentence.index(name)
                spans.setdefault(name, []).append(Span(mention, mention + len(name)))
            else:
                sentence = (f"Officials in {place} said {subject} {verb} {reason}, "
                            f"and {rng.choice(SUBJECTS)} {rng.choice(VERBS)} too.")
            parts.append(sentence)
            length += len(sentence) + 2
        text = "\n\n".join(parts) + "\n"
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
        article = Article(text=text, path=f"synthetic/{number:06d}.txt", date=day.isoformat(),
                          source=rng.choice(OUTLETS), title=f"{rng.choice(SUBJECTS).capitalize()} "
                          f"{rng.choice(VERBS)} in {rng.choice(PLACES)}")
        built = tuple(
            Speaker(sid, name, "person" if " " in name else "organisation",
                    mentions=tuple(spans.get(name, ())),
                    quote_ids=tuple(q.id for q in quotes if q.speaker_id == sid))
            for name, sid in speakers.items()
        )
        places = tuple(Place(f"p{i + 1}", p, "city") for i, p in enumerate(sorted(set(PLACES) & set(text.split()))))
        yield ParsedDocument(article, engine, speakers=built, quotes=tuple(quotes), places=places)



if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    print(f"wrote {len(write_corpus(args.folder, args.count))} articles to {args.folder}")
