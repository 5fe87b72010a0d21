// Passkeys: adding one on /settings/security/passkeys, signing in with one on /login, giving one as the second factor
// on /login/second-factor, and confirming it is you (step-up) on /settings/security/confirm. The server side is Spring
// Security's WebAuthn support: options from /webauthn/register/options and /webauthn/authenticate/options, the
// sign-in at /login/webauthn. Binary fields travel as base64url. No inline script: the CSP forbids it.
(function () {
  "use strict";

  function supported() {
    return window.PublicKeyCredential && navigator.credentials && window.fetch;
  }

  function toBytes(base64url) {
    const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    const padded = base64 + "===".slice((base64.length + 3) % 4);
    return Uint8Array.from(atob(padded), function (c) { return c.charCodeAt(0); }).buffer;
  }

  function toBase64Url(buffer) {
    if (!buffer) {
      return null;
    }
    let text = "";
    new Uint8Array(buffer).forEach(function (b) { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // the app layout has the token in a meta tag; the public sign-in page in its form
  function csrfToken() {
    const meta = document.querySelector('meta[name="_csrf"]');
    if (meta && meta.content) {
      return meta.content;
    }
    const field = document.querySelector('input[name="_csrf"]');
    return field ? field.value : "";
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": csrfToken() },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  }

  function descriptors(list) {
    return (list || []).map(function (d) {
      return { type: d.type, id: toBytes(d.id), transports: d.transports };
    });
  }

  function credentialJson(credential) {
    const response = credential.response;
    const json = {
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {}
    };
    if (response.attestationObject) {
      json.response = {
        clientDataJSON: toBase64Url(response.clientDataJSON),
        attestationObject: toBase64Url(response.attestationObject),
        transports: response.getTransports ? response.getTransports() : []
      };
    } else {
      json.response = {
        clientDataJSON: toBase64Url(response.clientDataJSON),
        authenticatorData: toBase64Url(response.authenticatorData),
        signature: toBase64Url(response.signature),
        userHandle: toBase64Url(response.userHandle)
      };
    }
    return json;
  }

  function show(element, message) {
    element.textContent = message;
    element.hidden = !message;
  }

  // ---- Settings: add a passkey ----
  const addForm = document.getElementById("passkey-add");
  if (addForm) {
    const status = document.getElementById("passkey-add-status");
    const label = document.getElementById("passkey-label");
    const button = addForm.querySelector('button[type="submit"]');
    addForm.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!supported()) {
        show(status, addForm.dataset.unsupported);
        return;
      }
      if (!label.value.trim()) {
        label.focus();
        label.reportValidity();
        return;
      }
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
      show(status, "");
      status.classList.remove("error");
      show(status, addForm.dataset.working);
      register(label.value.trim())
        .then(function (target) { window.location.assign(target); })
        .catch(function (message) {
          status.classList.add("error");
          show(status, message);
          button.disabled = false;
          button.removeAttribute("aria-busy");
        });
    });

    const register = function (labelText) {
      return post("/webauthn/register/options")
        .then(function (response) {
          if (!response.ok) {
            throw addForm.dataset.failed;
          }
          return response.json();
        })
        .then(function (options) {
          options.challenge = toBytes(options.challenge);
          options.user.id = toBytes(options.user.id);
          options.excludeCredentials = descriptors(options.excludeCredentials);
          return navigator.credentials.create({ publicKey: options }).catch(function () {
            throw addForm.dataset.cancelled;
          });
        })
        .then(function (credential) {
          return post("/settings/security/passkeys", { label: labelText, credential: credentialJson(credential) });
        })
        .then(function (response) {
          return response.json().catch(function () { return {}; }).then(function (body) {
            if (!response.ok) {
              throw body.detail || addForm.dataset.failed;
            }
            return body.redirectUrl || "/settings/security/passkeys";
          });
        })
        .catch(function (failure) {
          throw typeof failure === "string" ? failure : addForm.dataset.failed;
        });
    };
  }

  // ---- Sign-in page: passwordless, by button or by the browser's autofill (conditional UI) ----
  const signInButton = document.getElementById("passkey-signin");
  if (signInButton) {
    const status = document.getElementById("passkey-signin-status");
    const section = document.getElementById("passkey-section");
    let pending = null;

    if (!supported()) {
      section.hidden = true;
      return;
    }
    section.hidden = false;

    const signIn = function (mediation) {
      if (pending) {
        pending.abort();
      }
      const controller = new AbortController();
      pending = controller;
      return post("/webauthn/authenticate/options")
        .then(function (response) {
          if (!response.ok) {
            throw new Error("options");
          }
          return response.json();
        })
        .then(function (options) {
          options.challenge = toBytes(options.challenge);
          options.allowCredentials = descriptors(options.allowCredentials);
          const request = { publicKey: options, signal: controller.signal };
          if (mediation) {
            request.mediation = mediation;
          }
          return navigator.credentials.get(request);
        })
        .then(function (credential) {
          // the confirmation page says where to go back to; the server checks it is a path of this site
          // the second-factor page says so (?pending); the confirmation page says where to go back to, and the
          // server checks it is a path of this site
          const next = signInButton.dataset.next;
          const path = signInButton.dataset.loginPath || "/login/webauthn";
          return post(path + (next ? "?next=" + encodeURIComponent(next) : ""), credentialJson(credential));
        })
        .then(function (response) {
          if (response.redirected) {
            window.location.assign(response.url);
            return;
          }
          return response.json().catch(function () { return {}; }).then(function (body) {
            if (response.status === 403 && !signInButton.dataset.next) {
              // the person's organisation requires its own single sign-on: the sign-in page says so
              window.location.assign("/login?sso=required");
              return;
            }
            if (!response.ok || !body.redirectUrl) {
              throw new Error("refused");
            }
            window.location.assign(body.redirectUrl);
          });
        })
        .catch(function (failure) {
          if (controller.signal.aborted || (failure && failure.name === "AbortError")) {
            return; // replaced by a newer attempt
          }
          if (mediation === "conditional" && failure && failure.name === "NotAllowedError") {
            return; // the autofill offer was not taken: nothing to say
          }
          if (failure && failure.name === "NotAllowedError") {
            show(status, signInButton.dataset.cancelled);
          } else {
            show(status, signInButton.dataset.refused);
          }
        });
    };

    signInButton.addEventListener("click", function () {
      show(status, "");
      signIn(null);
    });

    // offer passkeys in the email field's autofill where the browser can (only the sign-in page has that field)
    if (signInButton.dataset.conditional !== "off" && PublicKeyCredential.isConditionalMediationAvailable) {
      PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
        if (available && !pending) {
          signIn("conditional");
        }
      });
    }
  }
})();
