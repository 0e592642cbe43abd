// Test helper: reads a PDF on stdin and prints its text as JSON, { pages: string[] }.
// It runs in a Node process of its own because pdf.js (inside pdf-parse) starts its worker with a
// dynamic import(), which Jest's CommonJS sandbox refuses without --experimental-vm-modules.
const { PDFParse } = require('pdf-parse');

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const result = await parser.getText();
    process.stdout.write(JSON.stringify({ pages: result.pages.map((p) => p.text) }));
  } finally {
    await parser.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err));
  process.exit(1);
});
