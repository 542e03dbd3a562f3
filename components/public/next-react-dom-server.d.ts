// Next's vendored react-dom/server (see render.ts) has the same API as the react-dom package's.
declare module "next/dist/compiled/react-dom/server.node.js" {
  export { renderToStaticMarkup } from "react-dom/server";
}
