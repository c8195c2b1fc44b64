// The workspace's own script: turns a selection in a source's text into the span the archive records.
// The archive counts Unicode code points; the DOM counts UTF-16 code units. The offsets are computed here from the
// text nodes of [data-source-text], whose text content is exactly the stored text, so nobody types a number.

/** UTF-16 units of root's text before the boundary point (node, offset): the text of the range from root's start. */
function unitsBefore(root, node, offset) {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** Code points in text[0, units); a boundary inside a surrogate pair is moved out of it (back for a start, on for an end). */
export function codePoints(text, units, isEnd) {
  let end = units;
  if (end > 0 && end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end += isEnd ? 1 : -1;
  let count = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) i++;
    count++;
  }
  return count;
}

/** The selection inside root as code points [start, end) of its text, or null when nothing of it is selected. */
export function selectedSpan(root, selection = document.getSelection()) {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  const text = root.textContent;
  const whole = document.createRange();
  whole.selectNodeContents(root);
  const start = range.compareBoundaryPoints(Range.START_TO_START, whole) <= 0 ? 0 : unitsBefore(root, range.startContainer, range.startOffset);
  const end = range.compareBoundaryPoints(Range.END_TO_END, whole) >= 0 ? text.length : unitsBefore(root, range.endContainer, range.endOffset);
  if (end <= start) return null;
  return { start: codePoints(text, start, false), end: codePoints(text, end, true), text: text.slice(start, end) };
}

function enhanceRecordForm(root, form) {
  const status = form.querySelector('[data-selection-status]');
  const describe = () => {
    const span = selectedSpan(root);
    if (status) status.textContent = span ? `Selected: ${span.end - span.start} characters.` : '';
  };
  document.addEventListener('selectionchange', describe);
  form.addEventListener('submit', () => {
    const span = selectedSpan(root);
    form.elements.start.value = span ? String(span.start) : '';
    form.elements.end.value = span ? String(span.end) : '';
    // Without a selection the form opens empty for typing the quote: leave no empty parameters in the address.
    form.elements.start.disabled = !span;
    form.elements.end.disabled = !span;
  });
  // Back from the form (bfcache): the inputs must be usable again.
  window.addEventListener('pageshow', () => { form.elements.start.disabled = false; form.elements.end.disabled = false; });
}

const root = document.querySelector('[data-source-text]');
const form = document.querySelector('[data-record-form]');
if (root && form) enhanceRecordForm(root, form);
