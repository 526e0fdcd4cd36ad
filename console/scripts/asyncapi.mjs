// Validates the platform's AsyncAPI document (libs/event-contracts, shipped in its jar and served at /q/asyncapi) with
// the AsyncAPI parser: the document must be valid AsyncAPI 3.0 and its references must resolve. Errors fail the build;
// the parser's style hints are printed. AsyncApiContractTest (libs/event-contracts) keeps it equal to the records.
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

// Another file may be given, e.g. to see what a broken document gives.
const file = process.argv[2]
  ? pathToFileURL(process.argv[2])
  : new URL('../../libs/event-contracts/src/main/resources/META-INF/asyncapi/referral-platform.yaml', import.meta.url);
const { document, diagnostics } = await new Parser().parse(readFileSync(file, 'utf8'), { source: file.pathname });
const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
for (const d of diagnostics) {
  const level = d.severity === DiagnosticSeverity.Error ? 'error' : 'warning';
  console.log(`${level} ${d.code} at ${d.path.join('.')}: ${d.message}`);
}
if (errors.length > 0 || document === undefined) {
  console.error(`${file.pathname}: ${errors.length} errors`);
  process.exit(1);
}
console.log(
  `${file.pathname}: valid AsyncAPI ${document.version()}, ${document.channels().length} channels, ` +
    `${document.operations().length} operations, ${document.messages().length} messages` +
    (diagnostics.length > 0 ? `, ${diagnostics.length} hints` : ''),
);
