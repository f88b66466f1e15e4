/** Vite gives the built URL of a file imported with `?url` (pdf.js's worker, bundled with the app). */
declare module '*?url' {
  const url: string;
  export default url;
}
