/** Vite turns `?url` imports into the built asset's URL (vite/client declares this for the page). */
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
