// Remembers the light/dark choice for a year. The server reads this cookie to render the next page in the chosen
// theme from the first paint, so it must be a cookie (not localStorage).
export function save(name, value) {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax`;
}
