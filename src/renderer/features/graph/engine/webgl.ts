// Whether this machine draws WebGL in hardware. Under software GL (SwiftShader, llvmpipe, as in
// headless Chromium) cytoscape's WebGL renderer is far slower than its canvas renderer
// (DESIGN.md §6), so the graph uses WebGL only on a real GPU.
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export function hasHardwareWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return false;
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(
      debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER),
    );
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !SOFTWARE.test(renderer);
  } catch {
    return false;
  }
}
