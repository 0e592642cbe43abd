export * from './pdfmake-setup';
