// Folders we may empty: a build folder (webpack's output.clean empties it) or a deployment kit (deploy-kit.js
// replaces it). Only a folder that is missing, empty or carries our marker is ours; anything else may hold
// the user's files and is refused with a one-line reason, left exactly as it was.
const fs = require("fs");

/** Written into every build output (OwnBuildFolderPlugin), so the next build knows it may empty the folder. */
const BUILD_MARKER = ".kaohe-build";

/**
 * Why `dir` must not be emptied, or null when it is ours. `what` names the kind of folder in the message;
 * `files` is the filesystem to look at (webpack's output filesystem: in memory under the dev server).
 */
function refusal(dir, marker, what, files = fs) {
  let stat;
  try {
    stat = files.statSync(dir);
  } catch {
    return null; // missing: nothing to lose
  }
  if (!stat.isDirectory()) {
    return `「${dir}」已存在且不是目录，未改动 / ${dir} exists and is not a folder; left alone`;
  }
  const names = files.readdirSync(dir);
  if (names.length === 0 || names.includes(marker)) return null;
  return `「${dir}」已存在且不是${what.zh}（没有 ${marker}），未改动：请换一个空目录 / ${dir} exists and is not ${what.en} (no ${marker}); left alone: use an empty folder`;
}

const BUILD = { zh: " kaohe 的构建目录", en: "a kaohe build folder" };
const buildRefusal = (dir, files = fs) => refusal(dir, BUILD_MARKER, BUILD, files);

/**
 * Refuses to build into a folder that is not ours (before webpack's output.clean can empty it) and marks
 * every build output as ours. The check runs on webpack's own output filesystem, the one clean works on.
 */
class OwnBuildFolderPlugin {
  apply(compiler) {
    const check = (_, callback) => {
      const why = buildRefusal(compiler.options.output.path, compiler.outputFileSystem ?? fs);
      if (!why) return callback();
      // One line, not a stack trace: the reason is the whole message.
      const error = new Error(why);
      error.stack = why;
      callback(error);
    };
    compiler.hooks.beforeRun.tapAsync("OwnBuildFolderPlugin", check);
    compiler.hooks.watchRun.tapAsync("OwnBuildFolderPlugin", check);
    compiler.hooks.thisCompilation.tap("OwnBuildFolderPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "OwnBuildFolderPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const text =
            "kaohe: webpack 的输出目录，下次构建会清空 / webpack output; the next build empties this folder\n";
          compilation.emitAsset(BUILD_MARKER, new compiler.webpack.sources.RawSource(text));
        },
      );
    });
  }
}

module.exports = { BUILD_MARKER, refusal, buildRefusal, OwnBuildFolderPlugin };
