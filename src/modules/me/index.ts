/** Who the caller is: `GET /api/v1/me`. */
export { meRoutes as meModule } from './routes.js';
