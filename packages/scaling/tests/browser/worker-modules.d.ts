// Vite's `?worker` imports (what `vite/client` declares; `vite` itself is not a dependency of this package).
declare module '*?worker' {
  const WorkerConstructor: new (options?: { name?: string }) => Worker;
  export default WorkerConstructor;
}
