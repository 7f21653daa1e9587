/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string | number | boolean | null | undefined): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A printable A4 page: no external assets, Vietnamese first. */
export function printablePage(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  @page { size: A4; margin: 18mm 15mm; }
  body { font-family: "Times New Roman", Times, serif; font-size: 12pt; color: #000; max-width: 190mm; margin: 0 auto; }
  h1 { font-size: 15pt; text-align: center; text-transform: uppercase; margin: 0.5em 0 0.2em; }
  h2 { font-size: 13pt; margin: 1.2em 0 0.4em; }
  .en { color: #444; font-style: italic; font-weight: normal; }
  .meta { text-align: center; margin-bottom: 1em; }
  table { width: 100%; border-collapse: collapse; margin: 0.4em 0; page-break-inside: auto; }
  th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; text-align: left; }
  th { background: #eee; }
  tr { page-break-inside: avoid; }
  .fail { font-weight: bold; }
  .pass { color: #1a5e1a; }
  .na { color: #666; }
  .foot { margin-top: 2em; font-size: 10pt; color: #333; }
  @media print { .noprint { display: none; } }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
