import { dialogUrl, payloadFromLocation, type ResultPayload } from "../../src/commands/result-payload";

const payload: ResultPayload = { kind: "error", lang: "zh-CN", message: "工作表“任务”受保护 & 无法更改?#" };
const page = new URL("https://addin.example/liaison/validation-result.html");

describe("the result dialog's payload, as hosts deliver the URL", () => {
  const url = new URL(dialogUrl(page, payload));

  it("travels in a named query parameter, not the fragment", () => {
    expect(url.hash).toBe("");
    expect(payloadFromLocation(url.search, url.hash)).toEqual(payload);
  });

  it("survives parameters a host adds (_host_Info, office-js #896; &action=displayDialog, office-js #3057)", () => {
    const withHost = `?_host_Info=Excel$Win32$16.01$zh-CN$telemetry$isDialog$0${url.search.replace("?", "&")}&_host_Info=x|y`;
    expect(payloadFromLocation(withHost, "")).toEqual(payload);
    expect(payloadFromLocation(`${url.search}&action=displayDialog`, "#&action=displayDialog")).toEqual(payload);
  });

  it("still reads an older fragment URL, with whatever a host appended after it", () => {
    const fragment = `#${encodeURIComponent(JSON.stringify(payload))}&action=displayDialog`;
    expect(payloadFromLocation("?_host_Info=Excel|Win32", fragment)).toEqual(payload);
  });

  it("gives nothing (the page says so) for a page opened by hand", () => {
    expect(payloadFromLocation("", "")).toBeUndefined();
    expect(payloadFromLocation("?liaison=%7Bnot-json", "")).toBeUndefined();
  });
});
