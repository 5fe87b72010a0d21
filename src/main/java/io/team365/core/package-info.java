/** Shared kernel used by every module: identifiers, the tenant id, database bootstrap and page context. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.team365.core;
