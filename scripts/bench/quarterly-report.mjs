// Benchmark step: the quarterly report of the last complete quarter, ordered through the API and
// made by the worker (figures over the whole data set, PDF and spreadsheet), timed from the order
// to status READY.
export async function measureQuarterlyReport({ baseUrl, token, gql, year, quarter }) {
  const t0 = performance.now();
  const { generateQuarterlyReport: ordered } = await gql(
    `mutation($y: Int!, $q: Int!) { generateQuarterlyReport(year: $y, quarter: $q) { id version } }`,
    { y: year, q: quarter },
  );
  for (;;) {
    const { quarterlyReport: r } = await gql(
      `query($y: Int!, $q: Int!, $v: Int) { quarterlyReport(year: $y, quarter: $q, version: $v) {
         status error pdfUrl xlsxUrl figures { summary { engagedActors { current } } } } }`,
      { y: year, q: quarter, v: ordered.version },
    );
    if (r.status === 'FAILED') throw new Error(`report failed: ${r.error}`);
    if (r.status === 'READY') {
      const ms = performance.now() - t0;
      const sizes = {};
      for (const [kind, url] of [
        ['pdf', r.pdfUrl],
        ['xlsx', r.xlsxUrl],
      ]) {
        const res = await fetch(`${baseUrl}${url}`, { headers: { authorization: `Bearer ${token}` } });
        sizes[`${kind}Bytes`] = (await res.arrayBuffer()).byteLength;
      }
      return {
        ms,
        year,
        quarter,
        version: ordered.version,
        engaged: r.figures.summary.engagedActors.current,
        ...sizes,
      };
    }
    if (performance.now() - t0 > 600_000) throw new Error('report not ready after 10 min');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
