'use strict';
/**
 * The PDF renderer, run as a child process (at a lower CPU priority) by
 * src/modules/reports/pdf/pdf.service.ts, so that the seconds of CPU and hundreds of megabytes a
 * large report takes never block the API's event loop nor crowd its memory.
 *
 * It receives a pdfmake document definition as JSON (pure data: no functions cross threads), turns
 * the few markers that must be functions (the "Trang x/y" footer, the named table layouts of
 * reports/layouts/official-document.json) into functions, renders, and streams the PDF back in
 * chunks. pdfmake may fetch nothing over the network and read files under reports/ only.
 *
 * Messages in:  { id, definition }            (definition: a JSON string)
 * Messages out: { id, chunk } … { id, done } | { id, error }
 */
const fs = require('node:fs');
const path = require('node:path');
const pdfmake = require('pdfmake');

const reportsDir = fs.realpathSync(process.env.KCFUND_REPORTS_DIR);
const layout = JSON.parse(fs.readFileSync(path.join(reportsDir, 'layouts', 'official-document.json'), 'utf8'));

/** Only files inside reports/ (fonts, images of the layouts); nothing else on this machine. */
function insideReports(file) {
  if (typeof file !== 'string') return false;
  let resolved;
  try {
    resolved = fs.realpathSync(path.resolve(reportsDir, file));
  } catch {
    return false;
  }
  return resolved.startsWith(reportsDir + path.sep);
}

pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(insideReports);
const font = (file) => path.join(reportsDir, 'fonts', file);
pdfmake.setFonts({
  Roboto: {
    normal: font('Roboto-Regular.ttf'),
    bold: font('Roboto-Medium.ttf'),
    italics: font('Roboto-Italic.ttf'),
    bolditalics: font('Roboto-MediumItalic.ttf'),
  },
});

/**
 * A table layout of constants (the JSON) as the functions pdfmake calls per line. A value
 * `{ first, rest }` gives the first line its own value (a section's table, whose first rows are
 * its heading, draws no line above it).
 */
function tableLayout(spec) {
  const constant = (value) => () => value;
  const firstAndRest = ({ first, rest }) => (i) => (i === 0 ? first : rest);
  const out = {};
  for (const [name, value] of Object.entries(spec)) out[name] = value !== null && typeof value === 'object' ? firstAndRest(value) : constant(value);
  return out;
}
const tableLayouts = {};
for (const [name, spec] of Object.entries(layout.tableLayouts)) tableLayouts[name] = tableLayout(spec);
pdfmake.setTableLayouts(tableLayouts);

/** The data markers of a definition made into what pdfmake wants. */
function materialise(definition) {
  const footer = definition.footer;
  if (footer && footer.pageNumbers) {
    const { template, fontSize, margin } = footer.pageNumbers;
    definition.footer = (page, pages) => ({
      text: template.replace('{page}', String(page)).replace('{pages}', String(pages)),
      alignment: 'center',
      fontSize,
      margin,
    });
  }
  return definition;
}

function post(message) {
  process.send(message);
}

// The parent going away ends the renderer too.
process.on('disconnect', () => process.exit(0));

process.on('message', async ({ id, definition }) => {
  try {
    const doc = await pdfmake.createPdf(materialise(JSON.parse(definition))).getStream();
    doc.on('data', (chunk) => {
      // A copy of just these bytes (a view would carry its whole pooled buffer across).
      post({ id, chunk: Uint8Array.from(chunk) });
    });
    doc.on('end', () => post({ id, done: true }));
    doc.on('error', (error) => post({ id, error: String((error && error.message) || error) }));
    doc.end();
  } catch (error) {
    post({ id, error: String((error && error.message) || error) });
  }
});
