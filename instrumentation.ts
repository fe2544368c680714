// Runs once when the server starts. Each background job is one call, kept separate.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBoothHoldSweep } = await import("./lib/booths/sweep");
  startBoothHoldSweep();
}
