import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem, toAppError } from './error-handler.js';
import { AppError } from './errors.js';
import { PROBLEM_CONTENT_TYPE, problem } from './problem.js';

/**
 * Errors the router raises before any route (and so before the error handler) runs. Without this
 * handler Fastify answers them with its own JSON, the one 4xx without a `code` a client can parse.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendProblem(reply, new AppError(400, 'bad_url', 'The request path is not a valid URL component.'));
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(reply, new AppError(414, 'uri_too_long', 'A path segment is too long.'));
  }
  const { appError, log } = toAppError(error);
  if (log !== 'none') request.log.warn({ err: error }, 'request failed in the router');
  return sendProblem(reply, appError);
}

const parserProblem = (err: { code?: string }): [number, string, string] => {
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    return [431, 'headers_too_large', 'The request headers are too large.'];
  }
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return [408, 'request_timeout', 'The request was not received in time.'];
  }
  return [400, 'malformed_request', 'The request is not valid HTTP.'];
};

/**
 * Errors of the HTTP parser (a malformed request line or header, headers over the limit, a request
 * that took too long to arrive): no request exists yet, so the reply is written to the socket by hand,
 * as Node and Fastify do by default, but as problem+json.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket) {
  // A reset or a socket already gone has no one to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const [status, code, detail] = parserProblem(err);
    const body = JSON.stringify(problem(status, code, detail));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
