// Rendering of the quarterly engagement report to the regional development committee (RUN).
// Sample figures for tests and previews: import './sample-figures' directly.
export * from './document-meta';
export { renderReportPdf, PDF_SECTION_HEADINGS } from './report-pdf';
export { renderReportXlsx, XLSX_SHEET_NAMES } from './report-xlsx';
