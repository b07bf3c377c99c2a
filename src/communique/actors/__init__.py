"""Actor knowledge base: who a noun phrase in the news refers to.

``ActorResolver().resolve("the Russian President", when=date(2022, 6, 15))`` gives
``Actor(code="RUS", sector="GOV", identifier_id="Q7747", identifier_text="Vladimir Putin")``.
The facts live in plain TSV files under ``data/``; see ``kb.py`` for how they load
``resolve.py`` for the coding choices, ``document.py`` for coreference within one
article (``ActorResolver().for_document()``), ``custom.py`` for users' own YAML, CSV
and TABARI/PETRARCH files, and run ``python -m communique.actors.validate`` after
editing the data.
"""

from .document import DocumentResolver
from .kb import DATA_DIR, KnowledgeBase, default_kb
from .resolve import ActorResolver

__all__ = ["DATA_DIR", "ActorResolver", "DocumentResolver", "KnowledgeBase", "default_kb"]
