// `npm start` / `npm stop`: sideload into Excel desktop with office-addin-debugging. Where there is no
// Excel desktop (Linux), say in one line what to do instead rather than fail obscurely.
const { spawnSync } = require("child_process");

const action = process.argv[2] === "stop" ? "stop" : "start";
if (process.platform !== "win32" && process.platform !== "darwin") {
  console.error(
    "此机器没有桌面版 Excel：请运行 npm run dev-server，然后在 Excel 网页版中选择“插入 › 加载项 › 上载我的加载项”，上载 manifest.xml。" +
      " / No Excel desktop here: run npm run dev-server, then in Excel on the web upload manifest.xml (Insert › Add-ins › Upload My Add-in).",
  );
  process.exit(1);
}
const args = action === "start" ? ["office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel"] : ["office-addin-debugging", "stop", "manifest.xml"];
const r = spawnSync("npx", args, { stdio: "inherit", shell: process.platform === "win32" });
process.exit(r.status ?? 1);
