// The public pages' one stylesheet, inlined in each page by page-shell.tsx: one request per page,
// nothing to fetch offline, no script. A module rather than a .css file read at start-up: Turbopack
// takes `new URL("./public.css", import.meta.url)` for a client stylesheet and fails the build once a
// server component reaches the shell ("css client asset is not css chunk placeable", measured), and a
// path from process.cwd() would tie rendering to the working directory. A module is bundled with the
// code that uses it and reads the same under Next, tsx and Vitest. Colours follow the app's theme
// (app/globals.css); sizes are for a phone first.
export const PUBLIC_CSS = `*{box-sizing:border-box}
body{margin:0;background:#fafaf9;color:#1c1917;font:16px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;-webkit-font-smoothing:antialiased}
.wrap{max-width:42rem;margin:0 auto;min-height:100vh;display:flex;flex-direction:column}
header{background:#fff;border-bottom:1px solid #e7e5e4;padding:12px 16px}
header p{margin:0}.brand{font-size:1.25rem;font-weight:700;color:#14532d}
main{display:flex;flex-direction:column;gap:24px;padding:24px 16px}
section{display:flex;flex-direction:column;gap:12px}
h1,h2,p,dl,ol,figure{margin:0}h1{font-size:1.5rem;font-weight:700;color:#14532d}h2{font-size:1.125rem;font-weight:600}
.small{font-size:.875rem}.muted{color:#57534e}.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.wrapall{overflow-wrap:break-word;min-width:0}.prose{overflow-wrap:break-word;hyphens:auto}
dl{display:grid;grid-template-columns:auto minmax(0,1fr);column-gap:12px;font-size:.875rem}dd{margin:0}
.card{background:#fff;border:2px solid #e7e5e4;border-radius:12px;padding:12px}
.label{font-size:.875rem;font-weight:600;text-transform:uppercase;letter-spacing:.05em;color:#57534e}
.big{font-size:1.125rem;font-weight:600}
.alert{background:#b91c1c;color:#fff;border:2px solid #991b1b;border-radius:12px;padding:16px}
.alert h2{font-size:1.25rem;font-weight:700}.alert p{font-size:1.125rem;font-weight:600;margin-top:4px}
.hold{background:#fef3c7;color:#451a03;border:2px solid #d97706;border-radius:12px;padding:12px;display:flex;flex-direction:column;gap:4px}
.ok{color:#15803d;font-weight:600}.bad{color:#991b1b;font-weight:600}
.map{width:100%;height:auto;border:2px solid #e7e5e4;border-radius:12px;background:#f0f9ff}
.places{padding-left:24px;font-size:.875rem}
.steps{list-style:none;padding:0 0 0 16px;border-left:4px solid #16a34a;display:flex;flex-direction:column;gap:12px}
.step-no{color:#15803d;margin-right:8px}
figure{display:flex;flex-direction:column;gap:8px}
.chart{width:100%;height:auto;background:#fff}.batches{list-style:none;padding:0;display:flex;flex-direction:column;gap:12px}
details summary{cursor:pointer}.proof{padding-left:24px;font-size:.75rem}
.product{display:flex;gap:12px;align-items:flex-start}.product>div{display:flex;flex-direction:column;gap:4px;min-width:0}
.product-image{width:96px;height:96px;object-fit:cover;border-radius:12px;border:2px solid #e7e5e4;background:#fff;flex:none}
.alert dl{display:block;font-size:1rem;margin-top:4px}.alert dt{font-weight:700;margin-top:8px}.alert dd{overflow-wrap:break-word}.alert a{color:#fff;font-weight:700}
.check-lot{display:flex;flex-direction:column;gap:12px}.check-lot label{display:flex;flex-direction:column;gap:4px;font-weight:600}.check-lot label .small{font-weight:400}
input{font:inherit;font-weight:400;width:100%;min-height:48px;padding:8px 12px;border:2px solid #a8a29e;border-radius:8px;background:#fff;color:inherit}
button{font:inherit;font-weight:600;min-height:48px;padding:8px 16px;border:0;border-radius:8px;background:#14532d;color:#fff;cursor:pointer}
.lookalikes{padding-left:20px;display:flex;flex-direction:column;gap:8px}a{color:#14532d}`;
