// The console's style sheet, served at CONSOLE_STYLE_URL. Plain CSS, no external fonts or images.

export const CONSOLE_CSS = String.raw`
:root {
  --fg: #1b1b1b;
  --muted: #555;
  --bg: #f6f6f4;
  --panel: #fff;
  --line: #d4d4d0;
  --accent: #a50f15;
  --accent-dark: #7a0a0f;
  --focus: #1a5fb4;
  --ok-bg: #e7f4e8;
  --ok-fg: #1e5b23;
  --err-bg: #fdecea;
  --err-fg: #8a1c12;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  font-size: 16px;
  line-height: 1.45;
  color: var(--fg);
  background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; }
[hidden] { display: none !important; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }

.top { background: var(--accent); color: #fff; padding: .75rem 1.5rem; display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 2rem; }
.top h1 { font-size: 1.3rem; margin: 0; }
.top h1 .en { font-weight: normal; opacity: .9; }
.top nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
.top a { color: #fff; }
.session { margin: 0 0 0 auto; display: flex; gap: .5rem; align-items: center; }

main { max-width: 1200px; margin: 0 auto; padding: 1rem 1.5rem 2rem; }
main:focus { outline: none; }
.foot { max-width: 1200px; margin: 0 auto; padding: 0 1.5rem 2rem; color: var(--muted); font-size: .875rem; }

.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; margin: 0 0 1.25rem; }
.panel h2 { margin: 0 0 .75rem; font-size: 1.25rem; color: var(--accent-dark); }
.panel h3 { margin: 1.25rem 0 .5rem; font-size: 1.05rem; }
[lang="en"] { color: var(--muted); }
.top [lang="en"], button [lang="en"] { color: inherit; }

form p { margin: 0 0 .6rem; }
label { display: block; font-weight: 600; font-size: .9rem; margin-bottom: .2rem; }
.check { display: flex; gap: .5rem; align-items: flex-start; }
.check label { font-weight: normal; margin: 0; }
.check input { margin-top: .25rem; }
input, select, textarea, button { font: inherit; }
input, select, textarea { width: 100%; padding: .35rem .5rem; border: 1px solid #8a8a86; border-radius: 4px; background: #fff; color: var(--fg); }
input[type="checkbox"] { width: auto; }
textarea { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: .9rem; }
button { cursor: pointer; padding: .4rem .9rem; border-radius: 4px; border: 1px solid var(--accent-dark); background: var(--accent); color: #fff; }
button:hover { background: var(--accent-dark); }
button.secondary { background: #fff; color: var(--accent-dark); }
button.secondary:hover { background: #f3e6e6; }
button.link { background: none; border: none; color: var(--focus); text-decoration: underline; padding: 0; text-align: left; }
button:disabled { opacity: .6; cursor: progress; }
.actions { display: flex; gap: .5rem; flex-wrap: wrap; align-items: flex-end; }
.hint { color: var(--muted); font-size: .875rem; }

.filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 0 1rem; align-items: end; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 0 1rem; margin-top: .75rem; }
.grid .wide { grid-column: 1 / -1; }
details { margin-top: 1rem; border-top: 1px solid var(--line); padding-top: .75rem; }
summary { cursor: pointer; font-weight: 600; color: var(--accent-dark); }

.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .925rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
thead th { background: #efefec; font-size: .85rem; }
tbody tr:hover { background: #fafaf7; }
tr.current { background: #fff4d6; }
td.payload { font-family: ui-monospace, Consolas, monospace; font-size: .8rem; white-space: pre-wrap; word-break: break-word; min-width: 16rem; max-width: 32rem; }

.state { display: inline-block; padding: .05rem .45rem; border-radius: 3px; background: #eef1f7; border: 1px solid #c9d2e3; }
.state.final { background: #efefec; border-color: #ccc; }
.state code, .id { font-size: .8rem; color: var(--muted); }
.badge { display: inline-block; font-size: .75rem; padding: 0 .35rem; border-radius: 3px; background: #efefec; border: 1px solid var(--line); margin-left: .35rem; }
.status-open { color: #8a5a00; }
.status-missed { color: var(--err-fg); font-weight: 600; }
.status-met { color: var(--ok-fg); }
.status-cancelled { color: var(--muted); }

.summary { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
.summary dt { font-weight: 600; }
.summary dd { margin: 0; }
pre.json { background: #f3f3f0; border: 1px solid var(--line); border-radius: 4px; padding: .5rem .75rem; overflow-x: auto; font-size: .85rem; margin: 0; }

.status:empty, .form-error:empty { display: none; }
.status { position: sticky; top: 0; z-index: 5; margin-bottom: 1rem; padding: .5rem .75rem; border-radius: 4px; background: var(--ok-bg); color: var(--ok-fg); border: 1px solid #a9d3ad; }
.status.is-error { background: var(--err-bg); color: var(--err-fg); border-color: #f0b3ac; }
.form-error { margin-top: .5rem; padding: .6rem .8rem; border-radius: 4px; background: var(--err-bg); color: var(--err-fg); border: 1px solid #f0b3ac; }
.form-error .code { font-family: ui-monospace, Consolas, monospace; font-weight: 700; }
.form-error ul { margin: .35rem 0 0; padding-left: 1.25rem; }
.error { color: var(--err-fg); }

.tree ul { list-style: none; margin: 0; padding-left: 1.25rem; border-left: 1px dashed var(--line); }
.tree > ul { padding-left: 0; border-left: none; }
.tree li { margin: .3rem 0; }
.tree .kind { color: var(--muted); font-size: .85rem; }
.tree button { margin-left: .5rem; padding: .1rem .5rem; font-size: .8rem; }

@media (max-width: 700px) {
  .summary { grid-template-columns: 1fr; }
  .top { padding: .75rem 1rem; }
  main { padding: 1rem; }
}
`;
