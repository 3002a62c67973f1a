"""The workshop kit: what the consultant brings into the room (``dialogue workshop``).

For each workshop and for the creativity session: a slide deck (``deck``, python-pptx filling a
template from plain values), capture sheets, an attendance sheet and a run sheet (Word templates
rendered by the sandboxed docxtpl machinery of ``render.documents``), and the workshop's feedback
file pre-filled with the capture sheets' codes (``codes``). What each piece says is computed here,
purely: the sessions (``sessions``), the timings (``timing``), the codes (``codes``), the
personal-data notice (``notice``) and the contexts (``context``); ``kit`` writes it all at once.
"""
