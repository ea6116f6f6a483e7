"""The shipped sentence classifier: is a business sentence an action, a decision, or neither.

The model is a logistic regression per label over TF-IDF word n-grams (of the unit's context
tokens and its sentence with names folded to their shape) and character n-grams (of the
sentence). It is stored as plain arrays (`sentences.npz`) and a JSON file of its vocabulary and
thresholds, not as a pickle: loading runs no code from the file. It loads once per process, on
first use, and only extraction uses it.

No model ships with the package: trained on the development gold and scored on organisations it had
not seen (leave one batch out), it added no F1 to the rules at any threshold (tests/gold/LEDGER.md).
A body that writes in its own way can train one on its own annotated minutes (`minutes train`), and
extraction then uses it for the sentences no rule reads.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


PACKAGE_MODEL = Path(__file__).resolve().parent.parent / "models"
LABELS = ("ACTION", "DECISION")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*|\d+|[^\sA-Za-z\d]")


def fold(features: str) -> str:
    """Context tokens, then the sentence with names reduced to their shape: what generalises across bodies
    is 'NAME to circulate', not which name."""
    context, _, sentence = features.partition(" || ")
    out = []
    for n, token in enumerate(_TOKEN.findall(sentence)):
        if re.fullmatch(r"[A-Z]{2,4}", token):
            out.append("_ini")
        elif token[0].isupper() and n > 0:
            out.append("_cap")
        elif token.isdigit():
            out.append("_num")
        else:
            out.append(token.lower())
    return f"{context} _s {' '.join(out)}"


def sentence_only(features: str) -> str:
    return features.partition(" || ")[2].lower()


def vectorizers(word_vocab=None, char_vocab=None):
    """The two feature extractors, fresh for training or fixed to a stored vocabulary."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    words = TfidfVectorizer(
        preprocessor=fold,
        token_pattern=r"\S+",
        ngram_range=(1, 3),
        min_df=2,
        sublinear_tf=True,
        vocabulary=word_vocab,
        lowercase=False,
    )
    chars = TfidfVectorizer(
        preprocessor=sentence_only,
        analyzer="char_wb",
        ngram_range=(3, 5),
        min_df=3,
        sublinear_tf=True,
        vocabulary=char_vocab,
    )
    return words, chars


@dataclass
class SentenceModel:
    words: object  # fitted TfidfVectorizer
    chars: object
    coef: dict[str, np.ndarray]  # numpy is imported only where a model is used: extraction without one never loads it
    intercept: dict[str, float]
    thresholds: dict[str, float]

    def scores(self, features: list[str]) -> list[dict[str, float]]:
        """Each unit's probability per label."""
        if not features:
            return []
        from scipy.sparse import hstack

        x = hstack([self.words.transform(features), self.chars.transform(features)]).tocsr()
        import numpy as np

        probs = {label: 1 / (1 + np.exp(-(x @ self.coef[label] + self.intercept[label]))) for label in self.coef}
        return [{label: float(probs[label][n]) for label in probs} for n in range(len(features))]

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        meta = {
            "labels": list(self.coef),
            "thresholds": self.thresholds,
            "intercept": self.intercept,
            "word_vocabulary": sorted(self.words.vocabulary_, key=self.words.vocabulary_.get),
            "char_vocabulary": sorted(self.chars.vocabulary_, key=self.chars.vocabulary_.get),
        }
        (folder / "sentences.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        arrays = {"word_idf": self.words.idf_, "char_idf": self.chars.idf_}
        import numpy as np

        arrays.update({f"coef_{label}": c.astype(np.float32) for label, c in self.coef.items()})
        np.savez_compressed(folder / "sentences.npz", **arrays)

    @classmethod
    def load(cls, folder: Path) -> SentenceModel:
        meta = json.loads((folder / "sentences.json").read_text(encoding="utf-8"))
        import numpy as np

        arrays = np.load(folder / "sentences.npz", allow_pickle=False)
        words, chars = vectorizers(
            {t: n for n, t in enumerate(meta["word_vocabulary"])}, {t: n for n, t in enumerate(meta["char_vocabulary"])}
        )
        words.idf_, chars.idf_ = arrays["word_idf"], arrays["char_idf"]
        coef = {label: arrays[f"coef_{label}"].astype(np.float64) for label in meta["labels"]}
        return cls(words, chars, coef, meta["intercept"], meta["thresholds"])


_override: list[SentenceModel | None] = []


def use(model: SentenceModel | None) -> None:
    """Run extraction with this model (None: rules alone) until `use` is called again; for training
    and the ablation, which score folds and settings in one process."""
    _override[:] = [model]


def active() -> SentenceModel | None:
    """The model extraction uses: the one set by `use`, else the first trained one found (MINUTES_MODEL, the
    user's `minutes train` folder, the package's), unless MINUTES_CLASSIFIER=off."""
    if _override:
        return _override[0]
    if os.environ.get("MINUTES_CLASSIFIER", "").lower() in ("off", "0", "no"):
        return None
    return _trained(os.environ.get("MINUTES_MODEL", ""))


def user_model_dir() -> Path:
    """Where `minutes train` writes a body's own model by default."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("minutes")) / "models"


@lru_cache(maxsize=4)
def _trained(chosen: str) -> SentenceModel | None:
    for folder in (Path(chosen) if chosen else None, user_model_dir(), PACKAGE_MODEL):
        if folder is not None and (folder / "sentences.npz").is_file():
            return SentenceModel.load(folder)
    return None
