// Otklik survey forms: applies the skip rules while the respondent answers,
// checks answers before sending and preselects ?service=<id>. The form works
// fully without this script: every question is shown with plain notes, and
// the receiver checks everything again.
(function () {
  "use strict";

  var form = document.querySelector("[data-survey-form]");
  if (!form) return;
  var questions = Array.prototype.slice.call(form.querySelectorAll("[data-question]"));
  var summary = form.querySelector("[data-error-summary]");

  function inputsOf(question) {
    return Array.prototype.slice.call(question.querySelectorAll("input, select, textarea"));
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

  function clearErrors() {
    Array.prototype.slice.call(form.querySelectorAll(".question__error")).forEach(function (el) {
      el.hidden = true;
      el.textContent = "";
    });
    Array.prototype.slice.call(form.querySelectorAll("[aria-invalid]")).forEach(function (el) {
      el.removeAttribute("aria-invalid");
    });
    summary.hidden = true;
    summary.querySelector("ul").textContent = "";
  }

  function showError(question, message, target) {
    var error = target || question.querySelector(".question__error");
    error.textContent = message;
    error.hidden = false;
    var first = question.querySelector("input, select, textarea");
    inputsOf(question).forEach(function (input) {
      input.setAttribute("aria-invalid", "true");
      var described = (input.getAttribute("aria-describedby") || "").split(" ");
      if (described.indexOf(error.id) < 0) {
        input.setAttribute("aria-describedby", (described.join(" ") + " " + error.id).trim());
      }
    });
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = "#" + (first ? first.id : question.id);
    var number = question.querySelector(".question__number");
    link.textContent = (number ? "Вопрос " + number.textContent + " " : "") + message;
    item.appendChild(link);
    summary.querySelector("ul").appendChild(item);
  }

  function optional(question) {
    return question.querySelector(".question__optional") !== null;
  }

  function check(question) {
    var values = valuesOf(question);
    var rows = question.querySelectorAll("[data-row]");
    if (rows.length > 0) {
      Array.prototype.slice.call(rows).forEach(function (row) {
        var answered = row.querySelector("input:checked");
        if (!answered && !optional(question)) {
          showError(question, "Оцените строку «" + row.querySelector("th").firstChild.textContent + "».",
                    row.querySelector(".question__error"));
        }
      });
      return;
    }
    if (values.length === 0) {
      if (!optional(question)) showError(question, "Ответьте на этот вопрос.");
      return;
    }
    var max = parseInt(question.dataset.max || "0", 10);
    if (max > 0 && values.length > max) showError(question, "Выберите не более " + max + " вариантов.");
  }

  function preselectService() {
    var service = new URLSearchParams(window.location.search).get("service");
    if (!service) return;
    var question = form.querySelector("[data-kind=service]");
    if (!question) return;
    inputsOf(question).forEach(function (input) {
      if (input.tagName === "SELECT") {
        Array.prototype.slice.call(input.options).forEach(function (option) {
          if (option.value === service) input.value = service;
        });
      } else if (input.value === service) {
        input.checked = true;
      }
    });
  }

  form.addEventListener("change", applySkipRules);
  form.addEventListener("submit", function (event) {
    clearErrors();
    applySkipRules();
    questions.forEach(function (question) { if (!question.hidden) check(question); });
    if (summary.querySelector("li")) {
      event.preventDefault();
      summary.hidden = false;
      summary.focus();
    }
  });
  Array.prototype.slice.call(form.querySelectorAll("[data-skip-note]")).forEach(function (note) {
    note.hidden = true;  // the script applies these rules itself
  });
  preselectService();
  applySkipRules();
})();
