package io.team365.files;

import org.springframework.core.io.InputStreamSource;

/**
 * A file as it arrives: the name the sender gave it (cleaned before it is stored) and its bytes, which can be read
 * more than once (a multipart part kept by the container is).
 */
public record FileUpload(String fileName, InputStreamSource content) {}
