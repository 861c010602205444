// Otklik survey forms: applies the skip rules while the respondent answers
// and says in a live region which questions appeared or were skipped,
// checks answers before sending and preselects ?service=<id>. The form works
// fully without this script: every question is shown with plain notes, and
// the receiver checks everything again.
// Every word the script shows comes from the theme's message catalogue,
// given to it in the form's data-msg-* attributes (partials/survey_form).
(function () {
  "use strict";

  var form = document.querySelector("[data-survey-form]");
  if (!form) return;
  var questions = toArray(form.querySelectorAll("[data-question]"));
  var summary = form.querySelector("[data-error-summary]");
  var status = form.querySelector("[data-skip-status]");
  var messages = form.dataset;  // data-msg-max-one is messages.msgMaxOne
  var shownErrors = [];         // {error, inputs} of the errors on display

  function toArray(list) {
    return Array.prototype.slice.call(list);
  }

  // A message with its {name} parameters filled in, in one pass, as the
  // generator's Messages::Format does.
  function format(message, args) {
    return message.replace(/\{([A-Za-z_]+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole;
    });
  }

  // The form of a three-form message "one|few|many" for n, by the rule of
  // the generator's RussianPlural: one for 1, 21, 31…; few for 2–4, 22–24…;
  // many for 0, 5–20, 25…, 111–114.
  function plural(message, n) {
    var forms = message.split("|");
    if (forms.length !== 3) return message;
    var tens = n % 100;
    var units = n % 10;
    if (tens >= 11 && tens <= 14) return forms[2];
    if (units === 1) return forms[0];
    if (units >= 2 && units <= 4) return forms[1];
    return forms[2];
  }

  function inputsOf(element) {
    return toArray(element.querySelectorAll("input, select, textarea"));
  }

  // The values a question currently has, as the form would send them.
  function valuesOf(question) {
    var values = [];
    inputsOf(question).forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) return;
      if (input.value.trim() !== "") values.push(input.value);
    });
    return values;
  }

  // Where a chosen option sends the respondent: "" (on), a question id or "end".
  function jumpOf(question) {
    var jump = "";
    inputsOf(question).forEach(function (input) {
      if (input.tagName === "SELECT") {
        var option = input.options[input.selectedIndex];
        if (option && option.dataset.goto) jump = option.dataset.goto;
      } else if (input.checked && input.dataset.goto) {
        jump = input.dataset.goto;
      }
    });
    return jump;
  }

  // The same rule as the generator's AskedQuestions().
  function applySkipRules() {
    var asked = {};
    var jump = "";
    questions.forEach(function (question) {
      var id = question.dataset.question;
      var show = jump !== "end" && (jump === "" || jump === id);
      if (show) jump = "";
      if (show && question.dataset.showIf) {
        var source = question.dataset.showIf;
        var wanted = question.dataset.showIfAnswers.split(" ");
        show = asked[source] !== undefined && asked[source].some(function (v) { return wanted.indexOf(v) >= 0; });
      }
      question.hidden = !show;
      inputsOf(question).forEach(function (input) { input.disabled = !show; });
      if (show) {
        asked[id] = valuesOf(question);
        jump = jumpOf(question) || "";
      }
    });
  }

  // "5–7", "8 and 12", "3, 5 and 9–11": question numbers in order, a run of three
  // or more as a range, joined with the catalogue's joiners.
  function numberList(numbers) {
    var parts = [];
    for (var i = 0; i < numbers.length; ) {
      var end = i;
      while (end + 1 < numbers.length && numbers[end + 1] === numbers[end] + 1) end++;
      if (end - i >= 2) {
        parts.push(format(messages.msgRange, { from: numbers[i], to: numbers[end] }));
      } else {
        for (var k = i; k <= end; k++) parts.push(String(numbers[k]));
      }
      i = end + 1;
    }
    return parts.reduce(function (list, item, index) {
      if (index === 0) return item;
      return format(index + 1 === parts.length ? messages.msgAnd : messages.msgComma, { list: list, item: item });
    }, "");
  }

  function sentence(message, numbers) {
    if (numbers.length === 0) return "";
    return format(plural(message, numbers.length), { count: numbers.length, numbers: numberList(numbers) });
  }

  // Applies the rules after an answer changed and tells a screen reader,
  // politely, which questions appeared and which are now skipped: a sighted
  // respondent sees the form change, a blind one would not know.
  function answerChanged() {
    var before = questions.map(function (question) { return question.hidden; });
    applySkipRules();
    var shown = [];
    var skipped = [];
    questions.forEach(function (question, i) {
      if (question.hidden === before[i]) return;
      (question.hidden ? skipped : shown).push(parseInt(question.dataset.number, 10));
    });
    status.textContent = [sentence(messages.msgShown, shown), sentence(messages.msgSkipped, skipped)]
      .filter(Boolean).join(" ");
  }

  function describe(input, id, on) {
    var ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (x) {
      return x !== "" && x !== id;
    });
    if (on) ids.push(id);
    if (ids.length > 0) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  }

  function clearErrors() {
    shownErrors.forEach(function (shown) {
      shown.error.hidden = true;
      shown.error.textContent = "";
      shown.inputs.forEach(function (input) {
        input.removeAttribute("aria-invalid");
        describe(input, shown.error.id, false);
      });
    });
    shownErrors = [];
    summary.hidden = true;
    summary.querySelector("ul").textContent = "";
  }

  // Shows `message` in `error` (the question's own, or a matrix row's), marks
  // `inputs` (the controls left wrong) invalid and described by it, and lists
  // it in the summary with a link to the first of them.
  function showError(question, message, error, inputs) {
    error.textContent = message;
    error.hidden = false;
    inputs.forEach(function (input) {
      input.setAttribute("aria-invalid", "true");
      describe(input, error.id, true);
    });
    shownErrors.push({ error: error, inputs: inputs });
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = "#" + inputs[0].id;
    link.textContent = format(messages.msgLink, { number: question.dataset.number, message: message });
    item.appendChild(link);
    summary.querySelector("ul").appendChild(item);
  }

  function optional(question) {
    return question.querySelector(".question__optional") !== null;
  }

  function check(question) {
    var rows = toArray(question.querySelectorAll("[data-row]"));
    if (rows.length > 0) {
      if (optional(question)) return;
      // Each unanswered row on its own: its radios, its error, its link.
      rows.forEach(function (row) {
        if (row.querySelector("input:checked")) return;
        var text = document.getElementById(row.getAttribute("aria-labelledby")).textContent;
        showError(question, format(messages.msgRow, { row: text }), row.querySelector(".question__error"),
                  inputsOf(row));
      });
      return;
    }
    var values = valuesOf(question);
    var error = question.querySelector(".question__error");
    if (values.length === 0) {
      if (!optional(question)) showError(question, messages.msgRequired, error, inputsOf(question));
      return;
    }
    var max = parseInt(question.dataset.max || "0", 10);
    if (max > 0 && values.length > max) {
      var message = max === 1 ? messages.msgMaxOne
                              : format(messages.msgMax, { max: max, options: plural(messages.msgOptions, max) });
      showError(question, message, error, inputsOf(question));
    }
  }

  // The summary's link brings the question's title into view and puts the
  // keyboard on the control to answer.
  function followLink(event) {
    var link = event.target.closest("a");
    var input = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!input) return;
    event.preventDefault();
    input.closest("[data-question]").scrollIntoView();
    input.focus();
  }

  function preselectService() {
    var service = new URLSearchParams(window.location.search).get("service");
    if (!service) return;
    var question = form.querySelector("[data-kind=service]");
    if (!question) return;
    inputsOf(question).forEach(function (input) {
      if (input.tagName === "SELECT") {
        toArray(input.options).forEach(function (option) {
          if (option.value === service) input.value = service;
        });
      } else if (input.value === service) {
        input.checked = true;
      }
    });
  }

  form.addEventListener("change", answerChanged);
  form.addEventListener("submit", function (event) {
    clearErrors();
    applySkipRules();
    questions.forEach(function (question) { if (!question.hidden) check(question); });
    var count = shownErrors.length;
    if (count > 0) {
      event.preventDefault();
      summary.querySelector("[data-error-count]").textContent =
        format(messages.msgCount, { count: count, errors: plural(messages.msgErrors, count) });
      summary.hidden = false;
      summary.focus();
    }
  });
  summary.addEventListener("click", followLink);
  toArray(form.querySelectorAll("[data-skip-note]")).forEach(function (note) {
    note.hidden = true;  // the script applies these rules itself
  });
  preselectService();
  applySkipRules();
})();
