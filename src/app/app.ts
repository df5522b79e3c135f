/** 考核规则网页版: the one UI over the browser host — files in, downloads out, nothing sent anywhere. */
import "../ui/started";
import { browserHost } from "../hosts/browser";
import { startPane } from "../ui/pane";
import { useInlineChunks } from "./inline-chunks";

useInlineChunks();
startPane(browserHost());
