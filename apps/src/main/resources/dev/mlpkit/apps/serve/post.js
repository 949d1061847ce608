/** Posts body to path and gives the server's answer as JSON, or throws an Error with a sentence for every failure. */
async function postForAnswer(path, type, body) {
  let response;
  try {
    response = await fetch(path, { method: 'POST', headers: { 'Content-Type': type }, body: body });
  } catch (e) {
    throw new Error('The server could not be reached; is mlp serve still running?');
  }
  let answer;
  try {
    answer = await response.json();
  } catch (e) {
    throw new Error('The server answered ' + response.status + ' without an explanation.');
  }
  if (!response.ok) {
    throw new Error(answer.error ? answer.error.charAt(0).toUpperCase() + answer.error.slice(1) + '.'
      : 'The server answered ' + response.status + '.');
  }
  return answer;
}
