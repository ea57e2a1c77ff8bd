/** The display contract: MIME types and data, and how the library reaches a kernel. */
export * from "./mime";
export * from "./host";
