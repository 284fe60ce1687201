"""The reader's newsroom keys: sources card, quote sheets, corrections, said before, compare.

A mixin for ``ReaderScreen`` so the reader keeps only three lines for it: the
base class, ``*NEWSROOM_BINDINGS`` and the palette's ``newsroom_commands``.
What it uses of the reader: ``document``, ``documents``, ``selected``,
``articles``, ``current``, ``service`` (the app's ``CorrectingService``),
``view.set_document``, ``_store``, ``_show_document``, ``select_item``,
``action_clear_selection`` and ``_corpus_jump``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from textual.binding import Binding

from explorer.model import ParsedDocument, Quote, Speaker
from explorer.safe_text import visible

NEWSROOM_BINDINGS = [
    Binding("S", "sources", "Sources", show=False, id="newsroom.sources",
            tooltip="Sources card: who speaks, how much, of what kind"),
    Binding("e", "export_sheet", "Export", show=False, id="newsroom.export",
            tooltip="Export a quote sheet: this article, the selection or the folder"),
    Binding("R", "reassign", "Reassign", show=False, id="newsroom.reassign",
            tooltip="Correct the selected quote's speaker: pick one or type a name"),
    Binding("E", "rename_speaker", "Rename", show=False, id="newsroom.rename",
            tooltip="Rename the selected speaker"),
    Binding("M", "merge_speaker", "Merge", show=False, id="newsroom.merge",
            tooltip="Merge the selected speaker into another"),
    Binding("X", "not_a_quote", "Not a quote", show=False, id="newsroom.not_quote",
            tooltip="Mark the selected quote as not a quote"),
    Binding("u", "undo_correction", "Undo", show=False, id="newsroom.undo",
            tooltip="Undo this article's last correction"),
    Binding("B", "said_before", "Said before", show=False, id="newsroom.said_before",
            tooltip="The selected speaker's quotes in the folder's other articles"),
    Binding("V", "compare", "Compare", show=False, id="newsroom.compare",
            tooltip="This article and another side by side"),
]


def _clean(text: str) -> str:
    return " ".join(visible(text).split())


class NewsroomActions:
    """Actions behind ``NEWSROOM_BINDINGS``; mixed into the reader screen."""

    def newsroom_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """Palette entries: (text, key, action)."""
        return [
            ("Sources card of this article", "S", self.action_sources),
            ("Export a quote sheet…", "e", self.action_export_sheet),
            ("Correct the selected quote's speaker…", "R", self.action_reassign),
            ("Rename the selected speaker…", "E", self.action_rename_speaker),
            ("Merge the selected speaker into another…", "M", self.action_merge_speaker),
            ("Mark the selected quote as not a quote", "X", self.action_not_a_quote),
            ("Undo the last correction", "u", self.action_undo_correction),
            ("Said before: the selected speaker elsewhere", "B", self.action_said_before),
            ("Compare with another article…", "V", self.action_compare),
        ]

    # -- what is selected ----------------------------------------------------------------------

    def _analysed(self) -> ParsedDocument | None:
        document = self.document
        if document is None or document.error is not None:
            self.notify("The article is not analysed yet", timeout=2)
            return None
        return document

    def _quote_to_correct(self) -> Quote | None:
        if isinstance(self.selected, Quote):
            return self.selected
        self.notify("Select a quote first (2, then enter)", timeout=2)
        return None

    def _selected_speaker(self) -> Speaker | None:
        """The selected speaker, or the speaker of the selected quote."""
        document, item = self.document, self.selected
        if isinstance(item, Quote) and item.speaker_id and document is not None:
            item = document.item(item.speaker_id)
        if isinstance(item, Speaker):
            return item
        self.notify("Select a speaker or a quote first (1 or 2, then enter)", timeout=2)
        return None

    # -- sources card ----------------------------------------------------------------------------

    def action_sources(self) -> None:
        from explorer.app.screens.sources import SourcesScreen

        document = self._analysed()
        if document is not None:
            self.app.push_screen(SourcesScreen(document))

    # -- corrections -----------------------------------------------------------------------------

    def _correct(self, document: ParsedDocument, correction, select: str | None) -> None:
        from explorer.store.corrections import describe

        if not hasattr(self.service, "add"):
            self.notify("Corrections need the app's document service", severity="error")
            return
        corrected = self.service.add(document, correction)
        self._replace_document(corrected, select)
        note = corrected.corrections[-1]
        severity = "warning" if note.problem else "information"
        self.notify(f"Corrected: {_clean(describe(note))} · u to undo", timeout=4,
                    severity=severity, markup=False)

    def _replace_document(self, document: ParsedDocument, select: str | None) -> None:
        """Show the corrected analysis in place of the old one, keeping the selection."""
        self._store(self.current, document)
        self.view.set_document(document)
        self._show_document(document)
        if select is not None and document.item(select) is not None:
            self.select_item(select)
        else:
            self.action_clear_selection()

    def action_reassign(self) -> None:
        from explorer.app.screens.speaker_prompt import SpeakerPrompt
        from explorer.store.corrections import reassign

        document, quote = self._analysed(), self._quote_to_correct()
        if document is None or quote is None:
            return
        names = [s.name for s in document.speakers]

        def chosen(name: str | None) -> None:
            if name:
                self._correct(document, reassign(quote, name), quote.id)

        self.app.push_screen(SpeakerPrompt("Who said this? Pick a speaker or type a name",
                                           names), chosen)

    def action_rename_speaker(self) -> None:
        from explorer.app.screens.speaker_prompt import SpeakerPrompt
        from explorer.store.corrections import rename

        document, speaker = self._analysed(), self._selected_speaker()
        if document is None or speaker is None:
            return

        def chosen(name: str | None) -> None:
            if name and name != speaker.name:
                self._correct(document, rename(speaker, name), speaker.id)

        self.app.push_screen(SpeakerPrompt(f"Rename {_clean(speaker.name)}", [],
                                           value=speaker.name), chosen)

    def action_merge_speaker(self) -> None:
        from explorer.app.screens.speaker_prompt import SpeakerPrompt
        from explorer.store.corrections import find_speaker, merge

        document, speaker = self._analysed(), self._selected_speaker()
        if document is None or speaker is None:
            return
        others = [s.name for s in document.speakers if s.id != speaker.id]
        if not others:
            self.notify("No other speaker to merge with", timeout=2)
            return

        def chosen(name: str | None) -> None:
            target = find_speaker(document, name) if name else None
            if target is not None:
                self._correct(document, merge(speaker, target), target.id)

        self.app.push_screen(SpeakerPrompt(f"Merge {_clean(speaker.name)} into…", others,
                                           typing=False), chosen)

    def action_not_a_quote(self) -> None:
        from explorer.store.corrections import not_a_quote

        document, quote = self._analysed(), self._quote_to_correct()
        if document is not None and quote is not None:
            self._correct(document, not_a_quote(quote), None)

    def action_undo_correction(self) -> None:
        document = self._analysed()
        if document is None or not hasattr(self.service, "undo"):
            return
        restored, undone = self.service.undo(document)
        if undone is None:
            self.notify("No correction to undo in this article", timeout=2)
            return
        selected = self.selected.id if self.selected is not None else None
        self._replace_document(restored, selected)
        what = undone.new_name or undone.name or "not a quote"
        self.notify(f"Undone: {undone.action.replace('_', ' ')} ({_clean(what)})", timeout=3,
                    markup=False)

    # -- quote sheets ------------------------------------------------------------------------------

    def action_export_sheet(self) -> None:
        from explorer.app.screens.export_sheet import ExportDialog

        if not self.articles:
            return
        scopes = [("article", "This article")]
        if isinstance(self.selected, (Quote, Speaker)):
            what = "quote" if isinstance(self.selected, Quote) else "speaker's quotes"
            scopes.append(("selection", f"The selected {what}"))
        if len(self.articles) > 1:
            scopes.append(("folder", f"Every article ({len(self.articles)})"))
        self.app.push_screen(ExportDialog(scopes), self._export_chosen)

    def _export_chosen(self, request) -> None:
        if request is None:
            return
        selected = self.selected
        self.run_worker(partial(self._export, request, self.current, selected), thread=True,
                        group="export", exclusive=True)

    def _export(self, request, current: int, selected) -> None:
        """In a thread: gather the rows, write the file, say how it went."""
        from explorer.commands.export import is_input, write_atomically
        from explorer.quote_sheet import encoding_for, format_for, render, sheet_rows

        out = Path(request.path).expanduser()
        if is_input(out, self.articles):
            self.app.call_from_thread(self.notify, "That file is one of the articles: "
                                      "choose another name", severity="error")
            return
        indices = range(len(self.articles)) if request.scope == "folder" else [current]
        rows = []
        for index in indices:
            document = self.documents.get(index) or self.service.analyze(self.articles[index])
            if document.error is not None:
                continue
            if request.scope == "selection" and isinstance(selected, Quote):
                rows.extend(sheet_rows(document, [selected]))
            elif request.scope == "selection" and isinstance(selected, Speaker):
                rows.extend(sheet_rows(document, document.quotes_by(selected.id)))
            else:
                rows.extend(sheet_rows(document))
        sheet_format = format_for(str(out))
        try:
            write_atomically(out, render(rows, sheet_format).encode(encoding_for(sheet_format)))
        except OSError as exc:
            self.app.call_from_thread(self.notify, f"Cannot write {_clean(str(out))}: "
                                      f"{exc.strerror or exc}", severity="error", markup=False)
            return
        self.app.call_from_thread(self.notify, f"{len(rows)} quotes written to "
                                  f"{_clean(str(out))}", timeout=4, markup=False)

    # -- said before, compare --------------------------------------------------------------------

    def action_said_before(self) -> None:
        from explorer.analysis.person_match import PersonName
        from explorer.app.screens.said_before import SaidBeforeScreen

        speaker = self._selected_speaker()
        if speaker is None:
            return
        person = PersonName(speaker.name, speaker.aliases, speaker.role, speaker.kind)
        self.app.push_screen(SaidBeforeScreen(person, self.articles, self.current, self.service,
                                              self.documents), self._corpus_jump)

    def action_compare(self) -> None:
        from explorer.app.screens.compare import ArticlePicker, CompareScreen

        document = self._analysed()
        if document is None:
            return
        choices = [(i, a) for i, a in enumerate(self.articles) if i != self.current]
        if not choices:
            self.notify("Open a folder with another article to compare", timeout=2)
            return

        def chosen(index: int | None) -> None:
            if index is not None:
                self.app.push_screen(CompareScreen(document, self.articles[index], self.service,
                                                   self.documents.get(index)))

        self.app.push_screen(ArticlePicker("Compare with…", choices), chosen)
